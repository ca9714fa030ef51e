package org.cyberreport.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.validation.CryptoChain;
import org.cyberreport.intake.report.validation.Violation;
import org.junit.jupiter.api.Test;

class ReportRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void acceptsAConsistentReport() {
        assertThat(ReportRules.check(Reports.anOnlineFraud(), NOW)).isEmpty();
        assertThat(ReportRules.check(Reports.aCryptoTheft("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"), NOW)).isEmpty();
    }

    @Test
    void requiresTheSectionOfTheCategoryAndNoOther() {
        ReportContent fraud = Reports.anOnlineFraud();
        ReportContent withoutSection = copy(fraud, ReportCategory.ONLINE_FRAUD, null, fraud.crypto());
        ReportContent wrongSection = copy(fraud, ReportCategory.CRYPTO, fraud.onlineFraud(), null);

        assertThat(paths(ReportRules.check(withoutSection, NOW))).containsExactly("onlineFraud");
        assertThat(paths(ReportRules.check(wrongSection, NOW))).containsExactlyInAnyOrder("onlineFraud", "crypto");
    }

    @Test
    void refusesADiscoveryBeforeTheIncident() {
        ReportContent fraud = Reports.anOnlineFraud();
        ReportContent backwards = new ReportContent(fraud.category(), fraud.jurisdictionCountry(), fraud.discoveredAt(),
                fraud.incidentStartedAt(), fraud.victims(), fraud.subjects(), List.of(), null, fraud.narrative(),
                List.of(), fraud.handling(), fraud.onlineFraud(), null, null, null);

        assertThat(paths(ReportRules.check(backwards, NOW))).contains("discoveredAt");
    }

    @Test
    void refusesAmountsBeyondTheCurrencysMinorUnit() {
        ReportContent fraud = Reports.anOnlineFraud();
        ReportContent tooPrecise = new ReportContent(fraud.category(), "MA", fraud.incidentStartedAt(), fraud.discoveredAt(),
                fraud.victims(), fraud.subjects(), List.of(Reports.aWireTo("FR7630006000011234567890189", "10.505")),
                new Money(new BigDecimal("100"), "JPY"), fraud.narrative(), List.of(), fraud.handling(), fraud.onlineFraud(),
                null, null, null);

        assertThat(paths(ReportRules.check(tooPrecise, NOW))).containsExactly("transactions[0].amount.amount");
    }

    @Test
    void checksSubjectsByTheirTypeAndCryptoAddressesByTheirChain() {
        ReportContent crypto = Reports.aCryptoTheft("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdp");
        List<String> failing = paths(ReportRules.check(crypto, NOW));

        assertThat(failing).contains("subjects[0].value", "crypto.transfers[0].toAddress");
    }

    @Test
    void requiresAChainForCryptoAddressesOnly() {
        ReportContent fraud = Reports.anOnlineFraud();
        ReportContent mixedUp = new ReportContent(fraud.category(), "MA", fraud.incidentStartedAt(), fraud.discoveredAt(),
                fraud.victims(), List.of(
                        new SubjectIdentifier(SubjectIdentifier.Type.CRYPTO_ADDRESS, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", null, null),
                        new SubjectIdentifier(SubjectIdentifier.Type.EMAIL, "a@example.com", CryptoChain.BITCOIN, null),
                        new SubjectIdentifier(SubjectIdentifier.Type.PHONE, "0612345678", null, null)),
                List.of(), null, fraud.narrative(), List.of(), fraud.handling(), fraud.onlineFraud(), null, null, null);

        assertThat(paths(ReportRules.check(mixedUp, NOW)))
                .containsExactlyInAnyOrder("subjects[0].chain", "subjects[1].chain", "subjects[2].value");
    }

    @Test
    void refusesPaymentsBeforeTheIncidentAndVictimsWhoseAgeContradictsMinority() {
        ReportContent fraud = Reports.anOnlineFraud();
        Victim child = new Victim(Victim.Kind.PERSON, "Child", 15, false, null, "MA", null, null);
        FinancialTransaction early = new FinancialTransaction(FinancialTransaction.Method.CARD,
                new Money(new BigDecimal("20.00"), "EUR"), Instant.parse("2026-01-01T00:00:00Z"), null,
                new PaymentParty(null, null, "12345678", null, null, null, "FR"), null, FinancialTransaction.Status.COMPLETED);
        ReportContent inconsistent = new ReportContent(fraud.category(), "MA", fraud.incidentStartedAt(), fraud.discoveredAt(),
                List.of(child), List.of(), List.of(early), null, fraud.narrative(), List.of(), fraud.handling(),
                fraud.onlineFraud(), null, null, null);

        assertThat(paths(ReportRules.check(inconsistent, NOW)))
                .containsExactlyInAnyOrder("victims[0].minor", "transactions[0].executedAt");
    }

    @Test
    void requiresAnExtortionDemandInEitherACurrencyOrAnAsset() {
        ReportContent fraud = Reports.anOnlineFraud();
        ExtortionDetails both = new ExtortionDetails(ExtortionDetails.Subtype.DDOS_THREAT,
                new ExtortionDetails.Demand(new BigDecimal("1"), "EUR", "BTC"), null, false, null,
                new ExtortionDetails.Sextortion(true, false, List.of()), null);
        ReportContent extortion = new ReportContent(ReportCategory.EXTORTION, "MA", fraud.incidentStartedAt(),
                fraud.discoveredAt(), fraud.victims(), List.of(), List.of(), null, fraud.narrative(), List.of(),
                fraud.handling(), null, both, null, null);

        assertThat(paths(ReportRules.check(extortion, NOW)))
                .containsExactlyInAnyOrder("extortion.demand", "extortion.sextortion");
    }

    private static ReportContent copy(ReportContent c, ReportCategory category, OnlineFraudDetails fraud, CryptoDetails crypto) {
        return new ReportContent(category, c.jurisdictionCountry(), c.incidentStartedAt(), c.discoveredAt(), c.victims(),
                c.subjects(), c.transactions(), c.totalLoss(), c.narrative(), c.evidence(), c.handling(), fraud,
                c.extortion(), crypto, c.dataTheft());
    }

    private static List<String> paths(List<Violation> violations) {
        return violations.stream().map(Violation::path).toList();
    }
}
