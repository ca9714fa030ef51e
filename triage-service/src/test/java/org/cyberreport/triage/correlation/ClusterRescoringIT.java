package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A join re-scores the cluster's other members asynchronously, and only when the cluster moves into
 * another band: the queue shows it within 5 seconds, and a crash in between loses none of it.
 */
class ClusterRescoringIT extends TriageIT {

    private static final String IBAN = "FR7630006000011234567890189";

    @Autowired
    CaseStore cases;

    @Autowired
    ClusterStore clusters;

    @Autowired
    CaseUpdates updates;

    @Autowired
    Scoring scoring;

    @Test
    void theQueueShowsTheFirstMemberInTheClustersNewBandWithinFiveSeconds() {
        deliver(Fixtures.aHandoff("band-1", 1, "MA", fraudTo(IBAN, "900")));
        int alone = queueScore("band-1");

        assertThat(deliver(Fixtures.aHandoff("band-2", 1, "MA", fraudTo(IBAN, "900"))).status()).isBetween(200, 299);
        int joined = cases.find("band-2").orElseThrow().priority().score();

        assertThat(joined).as("a linked report adds points").isGreaterThan(alone);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> queueScore("band-1") == joined);
    }

    @Test
    void aJoinWhoseMembersWereNotYetRescoredWhenTriageStoppedIsFinishedFromItsMarker() {
        settledClusterOfTwo();
        String clusterId = cases.find("crash-1").orElseThrow().clusterId();
        // What a crash leaves after a join moved the cluster over the EUR 10,000 tier: the figures counted,
        // the durable marker written, the members not yet re-scored.
        mongo.getCollection("clusters").updateOne(new Document("_id", clusterId),
                new Document("$inc", new Document("cases", 1).append("lossCents", 2_000_000L).append("victims", 1)));
        mongo.getCollection("cluster_rescores").insertOne(new Document("_id", clusterId)
                .append("dueAt", Date.from(scoring.now())).append("stamp", "before-the-crash"));
        assertThat(lossPoints("crash-1")).isEqualTo(10);

        // A processor started afresh (as after a restart) knows nothing but the marker.
        new ClusterRescoring(clusters, cases, updates, scoring).rescoreMarked();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(lossPoints("crash-1")).isEqualTo(20);
            assertThat(lossPoints("crash-2")).isEqualTo(20);
            assertThat(mongo.getCollection("cluster_rescores").countDocuments(new Document("_id", clusterId))).isZero();
        });
    }

    @Test
    void aJoinCutShortBeforeItsMarkerWasWrittenIsRecountedAndRescoredByTheRedelivery() {
        ReportHandoff second = settledClusterOfTwo();
        String clusterId = cases.find("crash-1").orElseThrow().clusterId();
        // The crash came after the figures moved and before anything else: no marker, the run unfinished.
        mongo.getCollection("clusters").updateOne(new Document("_id", clusterId),
                new Document("$inc", new Document("cases", 1).append("lossCents", 2_000_000L)));
        mongo.getCollection("correlations").updateOne(new Document("_id", "crash-2"),
                new Document("$set", new Document("done", false)));

        deliver(second);

        assertThat(clusters.find(clusterId).orElseThrow().cases()).isEqualTo(2);
        assertThat(clusters.find(clusterId).orElseThrow().totalLoss()).isEqualByComparingTo("1800.00");
        assertThat(lossPoints("crash-1")).isEqualTo(10);
        assertThat(mongo.getCollection("correlations").find(new Document("_id", "crash-2")).first().getBoolean("done"))
                .isTrue();
    }

    private ReportHandoff settledClusterOfTwo() {
        ReportHandoff second = Fixtures.aHandoff("crash-2", 1, "MA", fraudTo(IBAN, "900"));
        deliver(Fixtures.aHandoff("crash-1", 1, "MA", fraudTo(IBAN, "900")));
        deliver(second);
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.getCollection("cluster_rescores").countDocuments() == 0);
        assertThat(lossPoints("crash-1")).isEqualTo(10);
        return second;
    }

    private int lossPoints(String caseId) {
        return cases.find(caseId).orElseThrow().priority().breakdown().stream()
                .filter(factor -> factor.factor().equals("LOSS")).mapToInt(factor -> factor.points()).sum();
    }

    private int queueScore(String caseId) {
        JsonNode page = http.get("/api/triage/cases?size=50", TRIAGE_MA).json();
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(caseId)) {
                return item.get("score").asInt();
            }
        }
        throw new AssertionError(caseId + " is not in the queue");
    }

    private static ReportFacts fraudTo(String iban, String amount) {
        return Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(new ReportFacts.Transaction("BANK_TRANSFER",
                new ReportFacts.Amount(new BigDecimal(amount), "EUR"), Fixtures.NOW.minus(Duration.ofDays(20)), null,
                new ReportFacts.Party(iban, null, null, null, null, null, "FR"), null, "COMPLETED")), null, false);
    }
}
