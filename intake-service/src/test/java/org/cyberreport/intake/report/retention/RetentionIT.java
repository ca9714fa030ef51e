package org.cyberreport.intake.report.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.cyberreport.intake.report.casestate.CaseState;
import org.cyberreport.intake.report.casestate.CaseStates;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A report past its retention (here: at once after its withdrawal, or after its case was closed with no
 * further action) is erased: the report and intake's copy of its case go, an erasure record stays with its
 * hand-off to triage, and the erasure is audited; a report under an administrator's legal hold is kept
 * until the hold is lifted.
 */
@TestPropertySource(properties = {"cyberreport.retention.withdrawn=P0D", "cyberreport.retention.closed.NO_FURTHER_ACTION=P0D",
        "cyberreport.retention.first-sweep=PT1H"})
class RetentionIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);

    @Autowired
    RetentionSweep sweep;

    @Autowired
    CaseStates caseStates;

    @Autowired
    RetentionProperties properties;

    @Test
    void thePeriodsAreThoseConfiguredByOutcome() {
        assertThat(properties.withdrawn()).isEqualTo(java.time.Period.ZERO);
        assertThat(properties.closed()).containsEntry("RESOLVED", java.time.Period.ofYears(5))
                .containsEntry("NO_FURTHER_ACTION", java.time.Period.ZERO).containsEntry("ESCALATED_ABROAD", java.time.Period.ofYears(10));
        assertThat(properties.afterClosure("SOMETHING_NEW")).isEqualTo(java.time.Period.ofYears(10));
    }

    @Test
    void aWithdrawnReportIsErasedAtTheEndOfItsRetentionUnlessALegalHoldKeepsIt() {
        String erased = withdrawn(filed());
        String held = withdrawn(filed());
        Http.Answer hold = http.put("/api/reports/" + held + "/legal-hold", ADMIN, "{\"reason\":\"Court order 2026/118\"}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);
        assertThat(http.put("/api/reports/" + held + "/legal-hold", REPORTER, "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        assertThat(http.put("/api/reports/no-such-report/legal-hold", ADMIN, "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.put("/api/reports/" + held + "/legal-hold", ADMIN, "{}").status()).isEqualTo(400);

        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(mongo.findById(erased, Document.class, "reports")).isNull();
        assertThat(http.get("/api/reports/" + erased, REPORTER).status()).isEqualTo(404);
        Document erasure = mongo.findById(erased, Document.class, Erasures.COLLECTION);
        assertThat(erasure).isNotNull();
        assertThat(erasure.getString("basis")).isEqualTo("withdrawn");
        assertThat(erasure.get("version", Number.class).longValue()).isEqualTo(3); // filed 1, withdrawn 2, erased 3
        assertThat(erasure.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");
        assertThat(erasure.keySet()).doesNotContain("content", "filedBy");
        assertThat(records(erased, "REPORT_ERASED")).isEqualTo(1);
        assertThat(mongo.findById(held, Document.class, "reports")).as("kept by the legal hold").isNotNull();

        assertThat(sweep.sweep()).as("nothing more while the hold lasts").isZero();
        Http.Answer lifted = http.delete("/api/reports/" + held + "/legal-hold", ADMIN, "{\"reason\":\"Proceedings closed\"}");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(mongo.findById(held, Document.class, "reports")).isNull();
        assertThat(records(held, "LEGAL_HOLD_PLACED")).isEqualTo(1);
        assertThat(records(held, "LEGAL_HOLD_LIFTED")).isEqualTo(1);
        assertThat(records(held, "REPORT_ERASED")).isEqualTo(1);
    }

    @Test
    void aReportIsErasedAfterItsCaseWasClosedByTheOutcomesPeriodAndKeptWhileItIsOpen() {
        String closed = filed();
        String open = filed();
        Instant now = Instant.now();
        caseStates.take(closed, new CaseState("MA-2026-C1", "P4", "CLOSED", "NO_FURTHER_ACTION", now, now, 3));
        caseStates.take(open, new CaseState("MA-2026-C2", "P4", "IN_PROGRESS", null, null, now, 2));

        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(mongo.findById(closed, Document.class, "reports")).isNull();
        assertThat(mongo.findById(closed, Document.class, "case_states")).as("intake's copy of the case goes too").isNull();
        assertThat(mongo.findById(closed, Document.class, Erasures.COLLECTION).getString("basis"))
                .isEqualTo("closed:NO_FURTHER_ACTION");
        assertThat(mongo.findById(open, Document.class, "reports")).isNotNull();
    }

    private String filed() {
        Http.Answer filed = file(REPORTER, example("online-fraud"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asString();
    }

    private String withdrawn(String id) {
        Http.Answer withdrawn = http.post("/api/reports/" + id + "/withdrawal", REPORTER, "{\"reason\":\"Filed twice\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        return id;
    }

    private long records(String reportId, String action) {
        return mongo.count(query(where("resourceId").is(reportId).and("action").is(action)), AuditTrail.COLLECTION);
    }
}
