package org.cyberreport.intake.report;

import org.cyberreport.intake.report.validation.CryptoChain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A wallet on a chain; the address is checked against the chain's format and checksum. */
public record WalletAddress(@NotNull CryptoChain chain, @NotBlank @Size(max = 128) String address) {
}
