package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/triage/clusters/{id}}: the cluster's cases and the identifiers they share, within the officer's scope. */
class ClusterViewIT extends TriageIT {

    private static final String WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String IBAN = "DE89370400440532013000";

    @Test
    void theClusterListsTheIdentifiersItsCasesShareWithTheCasesHoldingThem() {
        String clusterId = aMoroccanFrenchAndSpanishCluster();

        JsonNode cluster = http.get("/api/triage/clusters/" + clusterId, TRIAGE_MA).json();

        assertThat(cluster.get("cases").asInt()).isEqualTo(4);
        JsonNode wallet = cluster.get("identifiers").get(0);
        assertThat(wallet.get("type").asString()).isEqualTo("WALLET");
        assertThat(wallet.get("value").asString()).isEqualTo("evm:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        assertThat(wallet.get("abroadOnly").asBoolean()).isFalse();
        assertThat(wallet.get("cases").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("MA-2026-ma-one", "MA-2026-ma-two", "FR-2026-fr-one");
        assertThat(cluster.get("identifiers")).hasSize(2);
        assertThat(cluster.get("identifiersUnlisted").asInt()).isZero();
        assertThat(cluster.get("members").findValuesAsString("reference")).as("every case holding one is a member")
                .containsAll(cluster.get("identifiers").findValues("cases").stream()
                        .flatMap(JsonNode::valueStream).map(JsonNode::asString).toList());
        assertThat(mongo.getCollection("indicators").find(new Document("_id", "phone:+212612345678")).first()).isNotNull();
        assertThat(cluster.toString()).as("the identifier a case holds alone is not listed").doesNotContain("+212612345678");
        Document audit = mongo.findOne(Query.query(Criteria.where("resourceId").is(clusterId)
                .and("action").is("CLUSTER_CONSULTED")), Document.class, "audit_log");
        assertThat(audit).isNotNull();
        assertThat(audit.get("details", Document.class)).containsEntry("cases", "4").containsEntry("identifiers", "2");
    }

    @Test
    void anIdentifierLinkingOnlyCasesAbroadIsGivenWithoutItsValue() {
        String clusterId = aMoroccanFrenchAndSpanishCluster();

        JsonNode fromMorocco = http.get("/api/triage/clusters/" + clusterId, TRIAGE_MA).json();
        JsonNode fromFrance = http.get("/api/triage/clusters/" + clusterId, TRIAGE_FR).json();

        JsonNode iban = fromMorocco.get("identifiers").get(1);
        assertThat(iban.get("type").asString()).isEqualTo("IBAN");
        assertThat(iban.get("abroadOnly").asBoolean()).isTrue();
        assertThat(iban.has("value")).isFalse();
        assertThat(iban.get("cases").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("FR-2026-fr-one", "ES-2026-es-one");
        assertThat(fromMorocco.toString()).as("nothing of the foreign reports' content").doesNotContain(IBAN, "\"es-one\"",
                "\"fr-one\"");
        JsonNode seenFromFrance = fromFrance.get("identifiers").get(1);
        assertThat(seenFromFrance.get("value").asString()).as("a French case holds it").isEqualTo(IBAN);
        assertThat(seenFromFrance.get("abroadOnly").asBoolean()).isFalse();
    }

    @Test
    void anOfficerOutsideTheClustersCountriesStillFindsNoCluster() {
        String clusterId = aMoroccanFrenchAndSpanishCluster();

        assertThat(http.get("/api/triage/clusters/" + clusterId, TestTokens.triageOfficer("DE")).status()).isEqualTo(404);
        assertThat(http.get("/api/triage/clusters/cluster-000000000000000000000000", TRIAGE_MA).status()).isEqualTo(404);
        assertThat(http.get("/api/triage/clusters/" + clusterId, TestTokens.reporter("MA", "u1")).status()).isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is(clusterId)), "audit_log"))
                .as("a refused look is not a consultation").isZero();
    }

    @Test
    void aClusterSharingManyIdentifiersListsTwoHundredAndCountsTheRest() {
        List<ReportFacts.Subject> emails = IntStream.rangeClosed(1, 205)
                .mapToObj(i -> new ReportFacts.Subject("EMAIL", "scammer" + i + "@example.com", null, null)).toList();
        deliver(Fixtures.aHandoff("many-one", 1, "MA", withSubjects(emails)));
        deliver(Fixtures.aHandoff("many-two", 1, "MA", withSubjects(emails)));
        String clusterId = http.get("/api/triage/cases/many-one", TRIAGE_MA).json().get("cluster").get("clusterId").asString();

        JsonNode cluster = http.get("/api/triage/clusters/" + clusterId, TRIAGE_MA).json();

        assertThat(cluster.get("identifiers")).hasSize(200);
        assertThat(cluster.get("identifiersUnlisted").asInt()).isEqualTo(5);
        assertThat(cluster.get("identifiers").get(0).get("type").asString()).isEqualTo("EMAIL");
        assertThat(cluster.get("identifiers").get(0).get("cases")).hasSize(2);
    }

    /**
     * Two Moroccan cases and a French one paid the same wallet; the French case and a Spanish one paid
     * the same IBAN, which no Moroccan case holds. A Moroccan case also names a phone no other case has.
     */
    private String aMoroccanFrenchAndSpanishCluster() {
        deliver(Fixtures.aHandoff("ma-one", 1, "MA", paying(List.of(new ReportFacts.Subject("PHONE", "+212612345678",
                null, null)), toWallet())));
        deliver(Fixtures.aHandoff("ma-two", 1, "MA", paying(List.of(), toWallet())));
        deliver(Fixtures.aHandoff("fr-one", 1, "FR", paying(List.of(), toWallet(), toIban())));
        deliver(Fixtures.aHandoff("es-one", 1, "ES", paying(List.of(), toIban())));
        return http.get("/api/triage/cases/ma-one", TRIAGE_MA).json().get("cluster").get("clusterId").asString();
    }

    private static ReportFacts paying(List<ReportFacts.Subject> subjects, ReportFacts.Party... beneficiaries) {
        List<ReportFacts.Transaction> payments = new ArrayList<>();
        for (ReportFacts.Party to : beneficiaries) {
            payments.add(new ReportFacts.Transaction("BANK_TRANSFER", new ReportFacts.Amount(new BigDecimal("400"), "EUR"),
                    Fixtures.NOW.minus(Duration.ofDays(20)), null, to, null, "COMPLETED"));
        }
        ReportFacts fraud = Fixtures.aFraud(List.of(Fixtures.anAdult()), payments, null, false);
        return withSubjects(fraud, subjects);
    }

    private static ReportFacts withSubjects(List<ReportFacts.Subject> subjects) {
        return withSubjects(Fixtures.aPlainFraud(), subjects);
    }

    private static ReportFacts withSubjects(ReportFacts f, List<ReportFacts.Subject> subjects) {
        return new ReportFacts(f.category(), f.jurisdictionCountry(), f.incidentStartedAt(), f.discoveredAt(), f.victims(),
                subjects, f.transactions(), f.totalLoss(), f.handling(), f.onlineFraud(), f.extortion(), f.crypto(),
                f.dataTheft());
    }

    private static ReportFacts.Party toWallet() {
        return new ReportFacts.Party(null, null, null, new ReportFacts.Wallet("ETHEREUM", WALLET), null, null, "FR");
    }

    private static ReportFacts.Party toIban() {
        return new ReportFacts.Party(IBAN, null, null, null, null, null, "DE");
    }
}
