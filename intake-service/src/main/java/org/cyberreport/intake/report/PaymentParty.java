package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.BIC;
import static org.cyberreport.intake.report.validation.Rule.COUNTRY;
import static org.cyberreport.intake.report.validation.Rule.IBAN;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One side of a payment: a bank account (IBAN or other account number) or a wallet, and its country. */
public record PaymentParty(
        @Size(max = 42) @Checked(IBAN) String iban,
        @Size(max = 11) @Checked(BIC) String bic,
        @Size(max = 34) @Pattern(regexp = "[A-Za-z0-9 /-]{4,34}", message = "must be 4 to 34 letters, digits, spaces, '/' or '-'")
        String accountNumber,
        @Valid WalletAddress wallet,
        @Size(max = 200) String holderName,
        @Size(max = 200) String institution,
        @Checked(COUNTRY) String country) {
}
