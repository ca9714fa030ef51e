package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class CorrelationIT extends TriageIT {

    @Autowired
    IndicatorStore indicators;

    @Autowired
    CaseStore cases;

    @Autowired
    ClusterStore clusters;

    @Test
    void reportsFromTwoCountriesThatShareAWalletAreLinked() {
        deliver(Fixtures.aHandoff("ma-wallet", 1, "MA", cryptoTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "500")));
        deliver(Fixtures.aHandoff("fr-wallet", 1, "FR", cryptoTo("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", "700")));

        JsonNode moroccan = http.get("/api/triage/cases/ma-wallet", TRIAGE_MA).json();
        JsonNode french = http.get("/api/triage/cases/fr-wallet", TRIAGE_FR).json();

        JsonNode link = moroccan.get("links").get(0);
        assertThat(link.get("reference").asString()).isEqualTo(french.get("reference").asString());
        assertThat(link.get("country").asString()).isEqualTo("FR");
        assertThat(link.has("caseId")).as("a case abroad is named, not opened").isFalse();
        assertThat(french.get("links").get(0).get("country").asString()).isEqualTo("MA");
        String clusterId = moroccan.get("cluster").get("clusterId").asString();
        assertThat(french.get("cluster").get("clusterId").asString()).isEqualTo(clusterId);
        assertThat(clusterId).as("names no member").doesNotContain("ma-wallet").doesNotContain("fr-wallet");
        assertThat(moroccan.get("history").toString()).as("the history names no case abroad").doesNotContain("fr-wallet");
        assertThat(moroccan.get("history").findValuesAsString("action")).contains("LINKED");

        JsonNode cluster = http.get("/api/triage/clusters/" + clusterId, TRIAGE_MA).json();
        assertThat(cluster.get("cases").asInt()).isEqualTo(2);
        assertThat(cluster.get("countries").get(0).asString()).isEqualTo("FR");
        assertThat(cluster.get("countries").get(1).asString()).isEqualTo("MA");
        assertThat(cluster.get("totalLoss").decimalValue()).isEqualByComparingTo("1104.00");
        assertThat(cluster.get("victims").asInt()).isEqualTo(2);
        assertThat(http.get("/api/triage/clusters/" + clusterId, TestTokens.triageOfficer("ES")).status()).isEqualTo(404);
    }

    @Test
    void whenReportsJoinAClusterItsCasesAreRescored() {
        deliver(Fixtures.aHandoff("small-1", 1, "MA", fraudTo("FR7630006000011234567890189", "900")));
        JsonNode before = http.get("/api/triage/cases/small-1", TRIAGE_MA).json();

        for (int i = 2; i <= 12; i++) {
            deliver(Fixtures.aHandoff("small-" + i, 1, i % 2 == 0 ? "MA" : "FR",
                    fraudTo("FR76 3000 6000 0112 3456 7890 189", "900")));
        }
        JsonNode joined = http.get("/api/triage/cases/small-12", TRIAGE_MA).json();
        // The first member follows the cluster's new band asynchronously, within seconds.
        JsonNode after = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/api/triage/cases/small-1", TRIAGE_MA).json(),
                        view -> view.get("priority").get("score").asInt() == joined.get("priority").get("score").asInt());

        assertThat(before.get("priority").get("score").asInt()).isLessThan(after.get("priority").get("score").asInt());
        assertThat(after.get("cluster").get("cases").asInt()).isEqualTo(12);
        assertThat(after.get("cluster").get("totalLoss").decimalValue()).isEqualByComparingTo("10800.00");
        assertThat(after.get("priority").get("breakdown").findValuesAsString("factor")).contains("LINKED_REPORTS");
        assertThat(level(after)).isLessThan(level(before));
        assertThat(indicators.casesWith("iban:FR7630006000011234567890189")).hasSize(12);
    }

    @Test
    void aReportSharingIndicatorsWithTwoClustersMergesTheSmallerIntoTheLarger() {
        String small = "FR7630006000011234567890189";
        String large = "DE89370400440532013000";
        for (int i = 1; i <= 2; i++) {
            deliver(Fixtures.aHandoff("small-side-" + i, 1, "MA", fraudTo(small, "100")));
        }
        for (int i = 1; i <= 3; i++) {
            deliver(Fixtures.aHandoff("large-side-" + i, 1, "FR", fraudTo(large, "100")));
        }
        String largeCluster = cases.find("large-side-1").orElseThrow().clusterId();
        String smallCluster = cases.find("small-side-1").orElseThrow().clusterId();
        assertThat(smallCluster).isNotEqualTo(largeCluster);

        ReportFacts both = Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(payment(small, "100"), payment(large, "100")),
                null, false);
        deliver(Fixtures.aHandoff("bridge", 1, "MA", both));

        for (String id : List.of("small-side-1", "small-side-2", "large-side-1", "large-side-2", "large-side-3", "bridge")) {
            assertThat(cases.find(id).orElseThrow().clusterId()).as(id).isEqualTo(largeCluster);
        }
        assertThat(clusters.find(largeCluster).orElseThrow().cases()).isEqualTo(6);
        assertThat(clusters.find(largeCluster).orElseThrow().totalLoss()).isEqualByComparingTo("700.00");
        assertThat(clusters.find(smallCluster)).as("the merged cluster is gone").isEmpty();
        assertThat(mongo.getCollection("indicators").find(new Document("_id", "iban:" + small)).first()
                .getString("clusterId")).isEqualTo(largeCluster);
        // Members of both sides end scored in the merged cluster's band: four or more linked reports.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String id : List.of("small-side-1", "large-side-1")) {
                assertThat(cases.find(id).orElseThrow().priority().breakdown()).as(id)
                        .anyMatch(factor -> factor.factor().equals("LINKED_REPORTS") && factor.points() == 20);
            }
        });
    }

    @Test
    void anAmendmentThatDropsAnIndicatorDropsTheLink() {
        ReportHandoff first = Fixtures.aHandoff("keeps", 1, "MA", fraudTo("FR7630006000011234567890189", "100"));
        ReportHandoff second = Fixtures.aHandoff("drops", 1, "MA", fraudTo("FR7630006000011234567890189", "100"));
        deliver(first);
        deliver(second);

        deliver(version(second, 2, "FILED", fraudTo("DE89370400440532013000", "100")));

        assertThat(indicators.casesWith("iban:FR7630006000011234567890189")).containsExactly("keeps");
        assertThat(http.get("/api/triage/cases/drops", TRIAGE_MA).json().get("links")).isEmpty();
        JsonNode former = http.get("/api/triage/cases/keeps", TRIAGE_MA).json();
        assertThat(former.get("links")).as("the former partner forgets the link too").isEmpty();
        assertThat(cases.find("keeps").orElseThrow().cluster().cases()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenStoringAnAmendmentAndCorrelatingItIsRepairedByTheRedelivery() {
        ReportHandoff first = Fixtures.aHandoff("stays", 1, "MA", fraudTo("FR7630006000011234567890189", "100"));
        ReportHandoff second = Fixtures.aHandoff("moves", 1, "MA", fraudTo("FR7630006000011234567890189", "100"));
        deliver(first);
        deliver(second);
        ReportHandoff amended = version(second, 2, "FILED", fraudTo("DE89370400440532013000", "100"));
        // The amendment stored, then the crash: no correlation ran.
        TriageCase moved = cases.find("moves").orElseThrow();
        moved.takeReportVersion(amended, "{}", Fixtures.INDICATORS.of(amended.content()).keys(), Fixtures.NOW);
        assertThat(cases.replace(moved)).isTrue();

        // Intake re-delivers the version it never saw acknowledged.
        deliver(amended);

        assertThat(indicators.casesWith("iban:FR7630006000011234567890189")).containsExactly("stays");
        assertThat(indicators.casesWith("iban:DE89370400440532013000")).containsExactly("moves");
        assertThat(http.get("/api/triage/cases/moves", TRIAGE_MA).json().get("links")).isEmpty();
        assertThat(http.get("/api/triage/cases/stays", TRIAGE_MA).json().get("links")).isEmpty();
        assertThat(cases.find("stays").orElseThrow().cluster().cases()).isEqualTo(1);
    }

    @Test
    void aCorrelationCutShortAfterItsOwnCaseIsFinishedForTheFormerPartnersByTheRedelivery() {
        deliver(Fixtures.aHandoff("partner", 1, "MA", fraudTo("FR7630006000011234567890189", "100")));
        deliver(Fixtures.aHandoff("amended", 1, "MA", fraudTo("FR7630006000011234567890189", "100")));
        ReportHandoff amended = version(Fixtures.aHandoff("amended", 1, "MA", fraudTo("FR7630006000011234567890189", "100")),
                2, "FILED", fraudTo("DE89370400440532013000", "100"));
        // The state a crash leaves after the amended case itself was correlated, before its former
        // partner was: the case stored, unlinked and detached; the partner still linked; the run noted.
        TriageCase stored = cases.find("amended").orElseThrow();
        stored.takeReportVersion(amended, "{}", Fixtures.INDICATORS.of(amended.content()).keys(), Fixtures.NOW);
        stored.link(Set.of(), stored.clusterId(), stored.cluster(), Fixtures.NOW);
        assertThat(cases.replace(stored)).isTrue();
        indicators.detach("amended", "iban:FR7630006000011234567890189");
        indicators.attach("amended", "iban:DE89370400440532013000", "MA", Fixtures.NOW);
        mongo.getCollection("correlations").replaceOne(new Document("_id", "amended"),
                new Document("_id", "amended").append("reportVersion", 2L).append("done", false));
        assertThat(cases.find("partner").orElseThrow().linkedCaseIds()).containsExactly("amended");

        deliver(amended);

        TriageCase partner = cases.find("partner").orElseThrow();
        assertThat(partner.linkedCaseIds()).isEmpty();
        assertThat(partner.cluster().cases()).isEqualTo(1);
        assertThat(mongo.getCollection("correlations").find(new Document("_id", "amended")).first()
                .getBoolean("done")).isTrue();
    }

    @Test
    void casesStoredWithTheFormerCaseListsJoinOneClusterWhenAReportSharesTheirIndicator() {
        String key = "iban:FR7630006000011234567890189";
        deliver(Fixtures.aHandoff("legacy-a", 1, "MA", fraudTo("FR7630006000011234567890189", "100")));
        deliver(Fixtures.aHandoff("legacy-b", 1, "FR", fraudTo("FR7630006000011234567890189", "200")));
        String current = cases.find("legacy-a").orElseThrow().clusterId();
        // As an earlier version stored them: the indicator lists its cases and names no cluster, no
        // membership documents nor figures, and the cases' cluster named by a case's own id.
        mongo.getCollection("indicators").replaceOne(new Document("_id", key),
                new Document("_id", key).append("caseIds", List.of("legacy-a", "legacy-b")));
        mongo.getCollection("indicator_cases").deleteMany(new Document("key", key));
        mongo.getCollection("clusters").deleteOne(new Document("_id", current));
        mongo.getCollection("cases").updateMany(new Document("_id", new Document("$in", List.of("legacy-a", "legacy-b"))),
                new Document("$set", new Document("clusterId", "legacy-a")));

        deliver(Fixtures.aHandoff("after-upgrade", 1, "MA", fraudTo("FR76 3000 6000 0112 3456 7890 189", "300")));

        String clusterId = cases.find("after-upgrade").orElseThrow().clusterId();
        assertThat(clusterId).startsWith("cluster-");
        assertThat(cases.find("legacy-a").orElseThrow().clusterId()).isEqualTo(clusterId);
        assertThat(cases.find("legacy-b").orElseThrow().clusterId()).isEqualTo(clusterId);
        assertThat(clusters.find(clusterId).orElseThrow().cases()).isEqualTo(3);
        assertThat(clusters.find(clusterId).orElseThrow().totalLoss()).isEqualByComparingTo("600.00");
        assertThat(indicators.casesWith(key)).containsExactlyInAnyOrder("legacy-a", "legacy-b", "after-upgrade");
        assertThat(mongo.getCollection("indicators").find(new Document("_id", key)).first()).doesNotContainKey("caseIds");
    }

    @Test
    void reportsFiledAtTheSameMomentThatShareAnAccountAreAllLinked() throws Exception {
        int reports = 8;
        ExecutorService pool = Executors.newFixedThreadPool(reports);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                ReportHandoff report = Fixtures.aHandoff("same-moment-" + i, 1, "MA",
                        fraudTo("FR7630006000011234567890189", "100"));
                answers.add(pool.submit(() -> deliver(report).status()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isBetween(200, 299);
            }
        } finally {
            pool.shutdownNow();
        }

        String clusterId = cases.find("same-moment-0").orElseThrow().clusterId();
        for (int i = 0; i < reports; i++) {
            TriageCase triageCase = cases.find("same-moment-" + i).orElseThrow();
            assertThat(triageCase.linkedCaseIds()).as(triageCase.id()).hasSize(reports - 1);
            assertThat(triageCase.clusterId()).as(triageCase.id()).isEqualTo(clusterId);
        }
        assertThat(clusters.find(clusterId).orElseThrow().cases()).isEqualTo(reports);
        assertThat(indicators.casesWith("iban:FR7630006000011234567890189")).hasSize(reports);
    }

    private static ReportFacts cryptoTo(String wallet, String usdt) {
        return new ReportFacts("CRYPTO", "MA", Fixtures.NOW.minus(Duration.ofDays(30)), Fixtures.NOW,
                List.of(Fixtures.anAdult()), List.of(), List.of(), null, null, null, null,
                new ReportFacts.Crypto("PIG_BUTCHERING", List.of(new ReportFacts.Transfer("ETHEREUM", "USDT",
                        new BigDecimal(usdt), wallet, Fixtures.NOW.minus(Duration.ofDays(20))))), null);
    }

    private static ReportFacts.Transaction payment(String iban, String amount) {
        return new ReportFacts.Transaction("BANK_TRANSFER", new ReportFacts.Amount(new BigDecimal(amount), "EUR"),
                Fixtures.NOW.minus(Duration.ofDays(20)), null, new ReportFacts.Party(iban, null, null, null, null, null, "FR"),
                null, "COMPLETED");
    }

    private static ReportFacts fraudTo(String iban, String amount) {
        return Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(new ReportFacts.Transaction("BANK_TRANSFER", new ReportFacts.Amount(new BigDecimal(amount), "EUR"), Fixtures.NOW.minus(Duration.ofDays(20)), null, new ReportFacts.Party(iban, null, null, null, null, null, "FR"), null, "COMPLETED")), null, false);
    }

    private static int level(JsonNode view) {
        return Integer.parseInt(view.get("level").asString().substring(1));
    }
}
