package org.cyberreport.intake.report;

import java.time.Instant;

import org.cyberreport.intake.report.validation.PlausiblePast;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Online fraud: how the victim was contacted and whether money is still flowing. */
public record OnlineFraudDetails(
        @NotNull Subtype subtype,
        @NotNull ContactChannel contactChannel,
        @Size(max = 200) String platform,
        @PlausiblePast Instant firstContactAt,
        boolean paymentsOngoing) {

    public enum Subtype {
        INVESTMENT, ROMANCE, BUSINESS_EMAIL_COMPROMISE, TECH_SUPPORT, NON_DELIVERY, PHISHING, IMPERSONATION, ADVANCE_FEE
    }

    public enum ContactChannel { EMAIL, PHONE_CALL, SMS, MESSAGING_APP, SOCIAL_MEDIA, DATING_SITE, WEBSITE, MARKETPLACE, IN_PERSON, OTHER }
}
