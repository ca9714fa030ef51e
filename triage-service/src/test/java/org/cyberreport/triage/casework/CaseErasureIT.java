package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;

/**
 * When intake erases a report at the end of its retention, triage erases its case and what correlation
 * derived from it: the identifier no other case names goes, the cluster is recounted, the erasure is
 * audited, and a late version of the report never opens the case again.
 */
class CaseErasureIT extends TriageIT {

    private static final ReportFacts PAID_TO_THE_SAME_ACCOUNT = Fixtures.aFraud(List.of(Fixtures.anAdult()),
            List.of(Fixtures.aPayment("BANK_TRANSFER", "900.00", Fixtures.NOW.minus(Duration.ofDays(20)), true)), null, false);

    @Test
    void anErasedReportsCaseGoesWithItsLinksAndNeverComesBack() {
        ReportHandoff erased = Fixtures.aHandoff("R-ERASE-1", 1, "MA", PAID_TO_THE_SAME_ACCOUNT);
        assertThat(deliver(erased).status()).isEqualTo(200);
        assertThat(deliver(Fixtures.aHandoff("R-ERASE-2", 1, "MA", PAID_TO_THE_SAME_ACCOUNT)).status()).isEqualTo(200);
        String cluster = mongo.findById("R-ERASE-2", Document.class, "cases").getString("clusterId");
        assertThat(cluster).isNotNull();
        assertThat(mongo.count(query(where("caseId").is("R-ERASE-1")), "indicator_cases")).isPositive();

        Http.Answer answer = deliver(new ReportHandoff("R-ERASE-1", erased.reference(), 3, "ERASED", "MA", "MA-UNIT",
                null, null, null, null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(mongo.findById("R-ERASE-1", Document.class, "cases")).isNull();
        assertThat(mongo.count(query(where("caseId").is("R-ERASE-1")), "indicator_cases")).isZero();
        assertThat(http.get("/api/triage/cases/R-ERASE-1", TRIAGE_MA).status()).isEqualTo(404);
        // the other case stays, alone in its cluster now, and still names the account
        Document other = mongo.findById("R-ERASE-2", Document.class, "cases");
        assertThat(other).isNotNull();
        Document figures = mongo.findById(other.getString("clusterId") == null ? cluster : other.getString("clusterId"),
                Document.class, "clusters");
        assertThat(figures == null ? 1 : figures.get("cases", Number.class).intValue()).isEqualTo(1);
        assertThat(mongo.count(query(where("caseId").is("R-ERASE-2")), "indicator_cases")).isPositive();
        assertThat(mongo.count(query(where("resourceId").is("R-ERASE-1").and("action").is("CASE_ERASED")),
                AuditTrail.COLLECTION)).isEqualTo(1);
        // the tombstone carries the hand-off that tells cooperation to erase the requests made about the case
        Document tombstone = mongo.findById("R-ERASE-1", Document.class, "erased_reports");
        assertThat(tombstone.getString("country")).isEqualTo("MA");
        assertThat(tombstone.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");
        assertThat(org.cyberreport.triage.casework.desk.CaseErasure.message(tombstone)).isEqualTo(
                new org.cyberreport.triage.casework.desk.CaseErasure.ErasedCase("R-ERASE-1", erased.reference(), "MA",
                        tombstone.getDate("erasedAt").toInstant()));

        // a version that was on its way, and the erasure delivered again: nothing comes back, nothing is recorded twice
        assertThat(deliver(erased).status()).isEqualTo(200);
        assertThat(deliver(new ReportHandoff("R-ERASE-1", erased.reference(), 3, "ERASED", "MA", "MA-UNIT",
                null, null, null, null)).status()).isEqualTo(200);
        assertThat(mongo.findById("R-ERASE-1", Document.class, "cases")).isNull();
        assertThat(mongo.count(query(where("resourceId").is("R-ERASE-1").and("action").is("CASE_ERASED")),
                AuditTrail.COLLECTION)).isEqualTo(1);
    }

    /** Only intake erases: another service's account (same role) is refused and the case stays. */
    @Test
    void onlyIntakesAccountErases() {
        ReportHandoff report = Fixtures.aHandoff("R-ERASE-4", 1, "MA", PAID_TO_THE_SAME_ACCOUNT);
        deliver(report);
        String cooperationService = org.cyberreport.kit.testing.TestTokens.user("service-account-cooperation-service",
                List.of("service"), null, null);

        Http.Answer refused = http.post("/internal/reports", cooperationService, json.writeValueAsString(
                new ReportHandoff("R-ERASE-4", report.reference(), 2, "ERASED", "MA", "MA-UNIT", null, null, null, null)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(mongo.findById("R-ERASE-4", Document.class, "cases")).isNotNull();
        assertThat(mongo.findById("R-ERASE-4", Document.class, "erased_reports")).isNull();
    }

    @Test
    void anIdentifierOnlyTheErasedCaseNamedIsForgotten() {
        ReportHandoff alone = Fixtures.aHandoff("R-ERASE-3", 1, "MA", PAID_TO_THE_SAME_ACCOUNT);
        deliver(alone);
        List<String> keys = mongo.find(query(where("caseId").is("R-ERASE-3")), Document.class, "indicator_cases").stream()
                .map(member -> member.getString("key")).toList();
        assertThat(keys).isNotEmpty();

        deliver(new ReportHandoff("R-ERASE-3", alone.reference(), 2, "ERASED", "MA", "MA-UNIT", null, null, null, null));

        assertThat(mongo.count(query(where("_id").in(keys)), "indicators")).isZero();
    }
}
