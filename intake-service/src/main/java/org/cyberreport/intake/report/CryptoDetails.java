package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.IDENTIFIER;
import static org.cyberreport.intake.report.validation.Rule.ASSET;
import static org.cyberreport.intake.report.validation.Rule.COUNTRY;
import static org.cyberreport.intake.report.validation.Rule.TX_HASH;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.CryptoChain;
import org.cyberreport.intake.report.validation.PlausiblePast;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Crypto-asset crime: the on-chain transfers to follow and who held the victim's keys. */
public record CryptoDetails(
        @NotNull Subtype subtype,
        @NotNull Custody custody,
        @Size(max = 200) List<@NotNull @Valid Transfer> transfers) {

    public CryptoDetails {
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
    }

    public enum Subtype { PIG_BUTCHERING, WALLET_DRAINER, ADDRESS_POISONING, SIM_SWAP, RUG_PULL, EXCHANGE_HACK }

    public enum Custody { CUSTODIAL, SELF_CUSTODY }

    /** One transfer; amounts carry up to 18 decimals (the smallest unit of an ERC-20 token). */
    public record Transfer(
            @NotNull CryptoChain chain,
            @NotNull @Checked(ASSET) String asset,
            @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 16, fraction = 18)
            BigDecimal amount,
            @NotBlank @Size(max = 128) @Checked(IDENTIFIER) String fromAddress,
            @NotBlank @Size(max = 128) @Checked(IDENTIFIER) String toAddress,
            @Size(max = 130) @Checked(TX_HASH) String txHash,
            @NotNull @PlausiblePast Instant executedAt,
            @Valid Exchange exchange) {
    }

    /** The exchange or other virtual-asset service provider involved, and where it is established. */
    public record Exchange(@NotBlank @Size(max = 200) String name, @Checked(COUNTRY) String country) {
    }
}
