package org.cyberreport.triage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.triage.Fixtures.NOW;
import static org.cyberreport.triage.Fixtures.aFraud;
import static org.cyberreport.triage.Fixtures.aPayment;
import static org.cyberreport.triage.Fixtures.anAdult;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.junit.jupiter.api.Test;

class PriorityScorerTest {

    private final PriorityScorer scorer = new PriorityScorer(Fixtures.policy());

    @Test
    void convertsLossesToTheReferenceCurrencyAndScoresThemByTier() {
        ReportFacts dirhams = aFraud(List.of(anAdult()), List.of(), new ReportFacts.Amount(new BigDecimal("200000"), "MAD"), false);

        Priority priority = score(dirhams, 0);

        assertThat(scorer.loss(dirhams).amount()).isEqualByComparingTo("18400");
        assertThat(points(priority)).containsEntry("LOSS", 20);
        assertThat(reason(priority, "LOSS")).contains("EUR 18400.00 lost");
    }

    @Test
    void sumsPaymentsAndCryptoWhenNoTotalIsGivenAndSaysWhatItCouldNotConvert() {
        ReportFacts mixed = new ReportFacts("CRYPTO", "MA", NOW.minus(Duration.ofDays(30)), NOW, List.of(anAdult()),
                List.of(), List.of(new ReportFacts.Transaction("CARD", new ReportFacts.Amount(new BigDecimal("100"), "XYZ"), NOW.minus(Duration.ofDays(20)), null, null, null, "COMPLETED")), null, null, null, null,
                new ReportFacts.Crypto("PIG_BUTCHERING", List.of(new ReportFacts.Transfer("BITCOIN", "BTC",
                        new BigDecimal("0.1"), "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", NOW.minus(Duration.ofDays(20))))),
                null);

        assertThat(scorer.loss(mixed).amount()).isEqualByComparingTo("8500");
        assertThat(reason(score(mixed, 0), "LOSS")).contains("no rate for XYZ");
    }

    @Test
    void weighsEachVulnerability() {
        ReportFacts.Victim child = new ReportFacts.Victim("PERSON", 15, true, Set.of(), "MA");
        ReportFacts.Victim elderly = new ReportFacts.Victim("PERSON", 80, false, Set.of("REPEAT_VICTIM", "DISABILITY"), "MA");
        ReportFacts.Victim atRisk = new ReportFacts.Victim("PERSON", 30, false, Set.of("SELF_HARM_RISK"), "MA");

        Map<String, Integer> points = points(score(aFraud(List.of(child, elderly, atRisk), List.of(), null, false), 0));

        assertThat(points).containsEntry("VICTIM_MINOR", 25).containsEntry("VICTIM_ELDERLY", 10)
                .containsEntry("REPEAT_VICTIM", 5).containsEntry("VICTIM_DISABILITY", 10).containsEntry("SELF_HARM_RISK", 30)
                .containsEntry("VICTIMS", 4);
    }

    @Test
    void countsOngoingHarm() {
        ReportFacts ongoing = aFraud(List.of(anAdult()), List.of(), null, true);
        ReportFacts extortion = new ReportFacts("EXTORTION", "MA", NOW.minus(Duration.ofDays(1)), NOW, List.of(anAdult()),
                List.of(), List.of(), null, null, null, new ReportFacts.Extortion("SEXTORTION", null,
                NOW.plus(Duration.ofHours(20)), false, null, new ReportFacts.Sextortion(true, true), null), null, null);
        ReportFacts paid = new ReportFacts("EXTORTION", "MA", NOW.minus(Duration.ofDays(1)), NOW, List.of(anAdult()),
                List.of(), List.of(), null, null, null, new ReportFacts.Extortion("DDOS_THREAT", null,
                NOW.plus(Duration.ofHours(20)), true, null, null, null), null, null);

        assertThat(points(score(ongoing, 0))).containsEntry("PAYMENTS_ONGOING", 15);
        assertThat(points(score(extortion, 0))).containsEntry("DEADLINE_NEAR", 20).containsEntry("VICTIM_MINOR", 25)
                .containsEntry("SELF_HARM_RISK", 30);
        assertThat(points(score(paid, 0))).doesNotContainKey("DEADLINE_NEAR");
    }

    @Test
    void countsAnActiveBreachItsRecordsAndCriticalInfrastructure() {
        ReportFacts breach = new ReportFacts("DATA_THEFT", "MA", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)),
                List.of(anAdult()), List.of(), List.of(), null, null, null, null, null,
                new ReportFacts.DataTheft("EXFILTRATION", 2_000_000L, Set.of("HEALTH")));
        ReportFacts ransomware = new ReportFacts("EXTORTION", "MA", NOW.minus(Duration.ofDays(1)), NOW, List.of(anAdult()),
                List.of(), List.of(), null, null, null, new ReportFacts.Extortion("RANSOMWARE", null, null, false, null, null,
                new ReportFacts.Ransomware("HEALTH")), null, null);

        assertThat(points(score(breach, 0))).containsEntry("ACTIVE_BREACH", 10).containsEntry("RECORDS", 20);
        assertThat(points(score(ransomware, 0))).containsEntry("CRITICAL_INFRASTRUCTURE", 25);
    }

    @Test
    void countsLinesOfEnquiryUpToTheirMaximum() {
        assertThat(points(score(Fixtures.aPlainFraud(), 2))).containsEntry("LINES_OF_ENQUIRY", 6);
        assertThat(points(score(Fixtures.aPlainFraud(), 9))).containsEntry("LINES_OF_ENQUIRY", 15);
        assertThat(points(score(aFraud(List.of(anAdult()), List.of(aPayment("BANK_TRANSFER", "10", NOW.minus(Duration.ofDays(9)),
                true)), null, false), 0))).containsEntry("BENEFICIARY_KNOWN", 5);
    }

    @Test
    void aRecentInstantPaymentToAKnownBeneficiaryIsTheGoldenHourAndP1() {
        ReportFacts fresh = aFraud(List.of(anAdult()), List.of(aPayment("INSTANT_PAYMENT", "300.00",
                NOW.minus(Duration.ofHours(3)), true)), null, false);

        Priority priority = score(fresh, 1);

        assertThat(priority.goldenHour()).isTrue();
        assertThat(priority.level()).isEqualTo(Level.P1);
        assertThat(points(priority)).containsEntry("GOLDEN_HOUR", 50);
        assertThat(priority.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void theGoldenHourOfAWireLastsSeventyTwoHoursAndNeedsAKnownBeneficiaryAndAPaymentFraud() {
        Instant seventyOneHoursAgo = NOW.minus(Duration.ofHours(71));
        Instant seventyThreeHoursAgo = NOW.minus(Duration.ofHours(73));

        assertThat(golden(aFraud(List.of(anAdult()), List.of(aPayment("BANK_TRANSFER", "5", seventyOneHoursAgo, true)), null, false))).isTrue();
        assertThat(golden(aFraud(List.of(anAdult()), List.of(aPayment("BANK_TRANSFER", "5", seventyThreeHoursAgo, true)), null, false))).isFalse();
        assertThat(golden(aFraud(List.of(anAdult()), List.of(aPayment("INSTANT_PAYMENT", "5", NOW.minus(Duration.ofHours(30)), true)), null, false))).isFalse();
        assertThat(golden(aFraud(List.of(anAdult()), List.of(aPayment("INSTANT_PAYMENT", "5", NOW.minus(Duration.ofHours(1)), false)), null, false))).isFalse();
        ReportFacts extortion = new ReportFacts("EXTORTION", "MA", NOW.minus(Duration.ofDays(1)), NOW, List.of(anAdult()),
                List.of(), List.of(aPayment("INSTANT_PAYMENT", "5", NOW.minus(Duration.ofHours(1)), true)), null, null, null,
                new ReportFacts.Extortion("DDOS_THREAT", null, null, true, null, null, null), null, null);
        assertThat(golden(extortion)).isFalse();
        assertThat(scorer.score(extortion, "ONLINE_FRAUD", 0, ClusterFacts.alone(BigDecimal.ZERO, 1), NOW, NOW).goldenHour())
                .as("reclassified as a payment fraud").isTrue();
    }

    @Test
    void saysWhenTimeAloneWillNextChangeTheScore() {
        ReportFacts instant = aFraud(List.of(anAdult()), List.of(aPayment("INSTANT_PAYMENT", "300.00",
                NOW.minus(Duration.ofHours(3)), true), aPayment("BANK_TRANSFER", "300.00", NOW.minus(Duration.ofHours(70)),
                true)), null, false);
        assertThat(score(instant, 1).rescoreAt()).as("the wire's 72 h end first").isEqualTo(NOW.plus(Duration.ofHours(2)));

        ReportFacts extortion = new ReportFacts("EXTORTION", "MA", NOW.minus(Duration.ofDays(1)), NOW, List.of(anAdult()),
                List.of(), List.of(), null, null, null, new ReportFacts.Extortion("DDOS_THREAT", null,
                NOW.plus(Duration.ofHours(50)), false, null, null, null), null, null);
        assertThat(score(extortion, 0).rescoreAt()).as("the deadline comes within 48 h")
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(scorer.score(extortion, "EXTORTION", 0, ClusterFacts.alone(BigDecimal.ZERO, 1), NOW,
                NOW.plus(Duration.ofHours(3))).rescoreAt()).as("then the deadline passes").isEqualTo(NOW.plus(Duration.ofHours(50)));

        ReportFacts old = aFraud(List.of(anAdult()), List.of(aPayment("BANK_TRANSFER", "5", NOW.minus(Duration.ofDays(9)),
                true)), null, false);
        assertThat(score(old, 0).rescoreAt()).as("nothing ahead").isNull();
    }

    @Test
    void mapsScoresToLevelsByTheConfiguredThresholds() {
        assertThat(scorer.levelFor(70)).isEqualTo(Level.P1);
        assertThat(scorer.levelFor(69)).isEqualTo(Level.P2);
        assertThat(scorer.levelFor(45)).isEqualTo(Level.P2);
        assertThat(scorer.levelFor(25)).isEqualTo(Level.P3);
        assertThat(scorer.levelFor(24)).isEqualTo(Level.P4);
        assertThat(scorer.levelFor(0)).isEqualTo(Level.P4);
        assertThat(scorer.respondWithin(Level.P3)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aClusterTurnsManySmallLossesIntoOneLargeCase() {
        ReportFacts small = aFraud(List.of(anAdult()), List.of(), new ReportFacts.Amount(new BigDecimal("900"), "EUR"), false);

        Priority alone = scorer.score(small, "ONLINE_FRAUD", 1, ClusterFacts.alone(new BigDecimal("900"), 1), NOW, NOW);
        Priority networked = scorer.score(small, "ONLINE_FRAUD", 1, new ClusterFacts(12, new BigDecimal("10800"), 12), NOW, NOW);

        assertThat(points(alone)).containsEntry("LOSS", 5).doesNotContainKey("LINKED_REPORTS");
        assertThat(points(networked)).containsEntry("LOSS", 20).containsEntry("LINKED_REPORTS", 20);
        assertThat(reason(networked, "LOSS")).contains("across 12 linked reports");
        assertThat(networked.score()).isGreaterThan(alone.score());
        assertThat(networked.level().compareTo(alone.level())).isLessThan(0);
    }

    @Test
    void membersScoredInTheSameClusterBandHaveTheSamePointsHoweverLargeTheCluster() {
        ReportFacts small = aFraud(List.of(anAdult()), List.of(), new ReportFacts.Amount(new BigDecimal("900"), "EUR"), false);
        ClusterFacts five = new ClusterFacts(5, new BigDecimal("1500"), 5);
        ClusterFacts campaign = new ClusterFacts(2_000, new BigDecimal("9999"), 2_000);

        assertThat(scorer.band(campaign)).isEqualTo(scorer.band(five));
        assertThat(scorer.score(small, "ONLINE_FRAUD", 1, campaign, NOW, NOW).score())
                .isEqualTo(scorer.score(small, "ONLINE_FRAUD", 1, five, NOW, NOW).score());
        assertThat(scorer.band(new ClusterFacts(4, new BigDecimal("1500"), 4))).as("one linked report fewer")
                .isNotEqualTo(scorer.band(five));
        assertThat(scorer.band(new ClusterFacts(5, new BigDecimal("10000"), 5))).as("the next loss tier")
                .isNotEqualTo(scorer.band(five));
    }

    @Test
    void explainsEveryPointOfTheScore() {
        Priority priority = score(aFraud(List.of(anAdult(), anAdult()), List.of(aPayment("INSTANT_PAYMENT", "2000",
                NOW.minus(Duration.ofHours(2)), true)), null, true), 3);

        assertThat(priority.breakdown()).allSatisfy(line -> assertThat(line.reason()).isNotBlank());
        assertThat(priority.breakdown().stream().mapToInt(FactorScore::points).sum()).isEqualTo(priority.score());
    }

    private Priority score(ReportFacts facts, int indicators) {
        return scorer.score(facts, facts.category(), indicators, ClusterFacts.alone(scorer.loss(facts).amount(),
                facts.victims().size()), NOW, NOW);
    }

    private boolean golden(ReportFacts facts) {
        return score(facts, 0).goldenHour();
    }

    private static Map<String, Integer> points(Priority priority) {
        return priority.breakdown().stream().collect(Collectors.toMap(FactorScore::factor, FactorScore::points));
    }

    private static String reason(Priority priority, String factor) {
        return priority.breakdown().stream().filter(line -> line.factor().equals(factor)).findFirst().orElseThrow().reason();
    }
}
