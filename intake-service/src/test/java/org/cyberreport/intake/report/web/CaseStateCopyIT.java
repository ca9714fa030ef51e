package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * The filing unit sees its report's case (level, status, outcome) from the copy triage delivers: the
 * newest copy wins whatever order they arrive in, and the report's own version does not move.
 */
class CaseStateCopyIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String OTHER_UNIT = TestTokens.reporter("MA", "rabat-cyber");
    private static final String TRIAGE_SERVICE = TestTokens.user("service-account-triage-service", List.of("service"), null, null);

    @BeforeEach
    void noCopies() {
        mongo.remove(new Query(), "case_states");
    }

    /** Only triage's account sends its cases' state: another service's account (same role) is refused. */
    @Test
    void onlyTriagesAccountSendsCaseStates() {
        String intakeService = TestTokens.user("service-account-intake-service", List.of("service"), null, null);

        assertThat(put(intakeService, copies(copy("any-report", 1, "P2", "NEW", null))).status()).isEqualTo(403);
    }

    @Test
    void theUnitSeesItsCasesLevelThenItsOutcome() {
        JsonNode filed = file(REPORTER, example("online-fraud")).json();
        String id = filed.get("id").asString();
        assertThat(http.get("/api/reports/" + id, REPORTER).json().has("caseState")).as("not yet in triage").isFalse();

        Http.Answer first = put(TRIAGE_SERVICE, copies(copy(id, 1, "P2", "NEW", null)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("kept").asInt()).isEqualTo(1);
        Http.Answer read = http.get("/api/reports/" + id, REPORTER);
        JsonNode state = read.json().get("caseState");
        assertThat(state.get("level").asString()).isEqualTo("P2");
        assertThat(state.get("status").asString()).isEqualTo("NEW");
        assertThat(read.header("ETag")).as("the report's version is the unit's").isEqualTo("\"1\"");

        Http.Answer page = put(TRIAGE_SERVICE, copies(copy(id, 3, "P1", "CLOSED", "REFERRED_FOR_INVESTIGATION"),
                copy(id, 2, "P1", "IN_PROGRESS", null), copy("no-such-report", 1, "P4", "NEW", null)));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("kept").asInt()).as("the late version is not").isEqualTo(1);
        assertThat(page.json().get("skipped").asInt()).as("a report intake does not hold").isEqualTo(1);
        assertThat(put(TRIAGE_SERVICE, copies(copy(id, 3, "P1", "CLOSED", "REFERRED_FOR_INVESTIGATION"))).json()
                .get("kept").asInt()).as("the same page again").isZero();

        JsonNode closed = http.get("/api/reports/" + id, REPORTER).json().get("caseState");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asString()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        assertThat(closed.get("level").asString()).isEqualTo("P1");
        JsonNode listed = http.get("/api/reports", REPORTER).json().get("items").get(0);
        assertThat(listed.get("caseState").get("outcome").asString()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        assertThat(http.get("/api/reports/" + id, OTHER_UNIT).status()).as("another unit still sees nothing").isEqualTo(404);
    }

    @Test
    void onlyServiceClientsDeliverCopiesAndAMalformedPageChangesNothing() {
        String id = file(REPORTER, example("online-fraud")).json().get("id").asString();

        assertThat(put(REPORTER, copies(copy(id, 1, "P4", "NEW", null))).status()).isEqualTo(403);
        assertThat(put(TestTokens.triageOfficer("MA"), copies(copy(id, 1, "P4", "NEW", null))).status()).isEqualTo(403);
        Http.Answer invalid = put(TRIAGE_SERVICE, copies(copy(id, 1, "P4", "NEW", null), copy(id, 2, "P9", "NEW", null)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(put(TRIAGE_SERVICE, copies(copy(id, 1, "P4", "ARCHIVED", null))).status()).isEqualTo(400);
        assertThat(put(TRIAGE_SERVICE, "{\"copies\":[" + String.join(",", java.util.Collections.nCopies(501,
                copy(id, 1, "P4", "NEW", null))) + "]}").status()).as("at most 500 a page").isEqualTo(400);
        assertThat(http.get("/api/reports/" + id, REPORTER).json().has("caseState")).isFalse();
    }

    private Http.Answer put(String token, String body) {
        return http.send(http.request("/internal/case-states", token, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String copies(String... copies) {
        return "{\"copies\":[" + String.join(",", copies) + "]}";
    }

    private static String copy(String reportId, long version, String level, String status, String outcome) {
        return "{\"reportId\":\"" + reportId + "\",\"caseReference\":\"MA-2026-000042\",\"level\":\"" + level
                + "\",\"status\":\"" + status + "\""
                + (outcome == null ? "" : ",\"outcome\":\"" + outcome + "\",\"closedAt\":\"2026-11-30T10:00:00Z\"")
                + ",\"changedAt\":\"2026-11-30T10:00:00Z\",\"version\":" + version + "}";
    }
}
