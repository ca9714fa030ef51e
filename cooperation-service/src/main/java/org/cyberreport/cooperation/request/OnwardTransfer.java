package org.cyberreport.cooperation.request;

import java.time.Instant;

import org.cyberreport.kit.web.Identifier;
import org.cyberreport.kit.web.WithinDaysOfNow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a payment stop's answer says of funds that had already moved on: to which country, institution,
 * account or wallet, how much, under which reference (a UETR or a bank's own) or transaction hash, and when.
 */
public record OnwardTransfer(
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
        @Size(max = 200) String institution,
        @Size(max = 64) @Identifier String account,
        @Size(max = 128) @Identifier String wallet,
        @Valid RequestContent.Amount amount,
        @Size(max = 100) @Identifier String reference,
        @Size(max = 128) @Identifier String transactionHash,
        // like a payment stop's value date: a transfer of the last months, or one scheduled shortly
        @WithinDaysOfNow(past = 366, future = 31) Instant at) {

    /** Where the funds went: the account, else the wallet. */
    public String destination() {
        return account != null && !account.isBlank() ? account : wallet;
    }
}
