package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.IDENTIFIER;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.CryptoChain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Something that identifies the suspect side: an e-mail, phone, URL, wallet, account… The value is
 * checked by its type (see {@code ReportRules}); a crypto address also names its chain.
 */
public record SubjectIdentifier(
        @NotNull Type type,
        @NotBlank @Size(max = 512) @Checked(IDENTIFIER) String value,
        CryptoChain chain,
        @Size(max = 100) @Checked(IDENTIFIER) String platform) {

    public enum Type { EMAIL, PHONE, URL, DOMAIN, IP_ADDRESS, SOCIAL_HANDLE, IBAN, ACCOUNT, CRYPTO_ADDRESS, NAME }
}
