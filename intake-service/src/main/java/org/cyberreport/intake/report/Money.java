package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.CURRENCY;

import java.math.BigDecimal;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** An amount in an ISO 4217 currency; its scale may not exceed the currency's minor unit. */
public record Money(
        @NotNull @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
        @NotNull @Checked(CURRENCY) String currency) {
}
