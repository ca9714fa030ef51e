package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.UETR;

import java.time.Instant;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.PlausiblePast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** A payment the victim made or lost, with its beneficiary: the trail that may still be stopped. */
public record FinancialTransaction(
        @NotNull Method method,
        @NotNull @Valid Money amount,
        @NotNull @PlausiblePast Instant executedAt,
        @Valid PaymentParty from,
        @NotNull @Valid PaymentParty to,
        @Checked(UETR) String uetr,
        @NotNull Status status) {

    public enum Method { BANK_TRANSFER, INSTANT_PAYMENT, CARD, CRYPTO, GIFT_CARD, MONEY_TRANSFER_SERVICE, CASH, OTHER }

    public enum Status { COMPLETED, PENDING, RECALLED, BLOCKED, FAILED }
}
