package org.cyberreport.cooperation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Period;

import org.bson.Document;
import org.cyberreport.cooperation.request.desk.RequestRetention;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Requests are kept by their state: here a withdrawn one is erased at once (its erasure recorded, with no
 * content, and audited), while an answered one (ten years) and an open one are kept.
 */
@TestPropertySource(properties = {"cyberreport.cooperation.forwarding.enabled=false",
        "cyberreport.retention.requests.by-state.WITHDRAWN=P0D", "cyberreport.retention.first-sweep=PT1H"})
class RequestRetentionIT extends CooperationIT {

    @Autowired
    RequestRetention retention;

    @Autowired
    RequestRetention.Periods periods;

    @Test
    void aRequestIsErasedByItsStatesPeriodAndOpenOrYoungerOnesAreKept() {
        String withdrawn = created();
        assertThat(http.post("/api/cooperation/requests/" + withdrawn + "/withdrawal", TRIAGE_MA,
                "{\"reason\":\"The funds were recovered\"}").status()).isEqualTo(200);
        String answered = created();
        assertThat(http.post("/api/cooperation/requests/" + answered + "/acknowledgement", LIAISON_ES, "").status()).isEqualTo(200);
        assertThat(http.post("/api/cooperation/requests/" + answered + "/answer", LIAISON_ES,
                "{\"text\":\"The account holder is known to us.\",\"evidence\":[]}").status()).isEqualTo(200);
        String open = created();

        assertThat(retention.sweep()).isEqualTo(1);

        assertThat(mongo.findById(withdrawn, Document.class, "requests")).isNull();
        assertThat(http.get("/api/cooperation/requests/" + withdrawn, TRIAGE_MA).status()).isEqualTo(404);
        Document erasure = mongo.findById(withdrawn, Document.class, "request_erasures");
        assertThat(erasure.getString("basis")).isEqualTo("closed:WITHDRAWN");
        assertThat(erasure.keySet()).doesNotContain("content", "history", "answer");
        assertThat(mongo.count(query(where("resourceId").is(withdrawn).and("action").is("REQUEST_ERASED")),
                AuditTrail.COLLECTION)).isEqualTo(1);
        assertThat(mongo.findById(answered, Document.class, "requests")).isNotNull();
        assertThat(mongo.findById(open, Document.class, "requests")).isNotNull();
        assertThat(retention.sweep()).isZero();
        // the table of periods: each state's default, and the one set here
        assertThat(periods.byState()).containsEntry("ANSWERED", Period.ofYears(10)).containsEntry("WITHDRAWN", Period.ZERO)
                .containsEntry("DRAFT", Period.ofYears(1));
    }

    /**
     * Triage erased a case: the requests made about it go (whatever their state, each with its erasure
     * record and audit record), those about another case stay; only triage's own account may say so, and
     * saying it again changes nothing.
     */
    @Test
    void theRequestsAboutAnErasedCaseGoWithIt() {
        escalate("esc-erase-1", "case-erase-1", "FR");
        escalate("esc-erase-2", "case-erase-1", "ES");
        escalate("esc-erase-3", "case-erase-2", "FR");
        String erasure = """
                {"caseId":"case-erase-1","caseReference":"MA-2026-000007","country":"MA","erasedAt":"2026-11-30T10:00:00Z"}""";

        String intakesAccount = org.cyberreport.kit.testing.TestTokens.user("service-account-intake-service",
                java.util.List.of("service"), null, null);
        assertThat(http.post("/internal/case-erasures", intakesAccount, erasure).status()).isEqualTo(403);
        assertThat(http.post("/internal/case-erasures", TRIAGE_MA, erasure).status()).isEqualTo(403);
        assertThat(mongo.findById("esc-erase-1", Document.class, "requests")).isNotNull();
        // another country cannot name this country's case
        assertThat(http.post("/internal/case-erasures", SERVICE, erasure.replace("\"MA\"", "\"FR\"")).json()
                .get("requestsErased").asInt()).isZero();
        assertThat(http.post("/internal/case-erasures", SERVICE, "{\"caseId\":\"case-erase-1\"}").status()).isEqualTo(400);

        var answer = http.post("/internal/case-erasures", SERVICE, erasure);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("requestsErased").asInt()).isEqualTo(2);
        for (String id : java.util.List.of("esc-erase-1", "esc-erase-2")) {
            assertThat(mongo.findById(id, Document.class, "requests")).isNull();
            assertThat(http.get("/api/cooperation/requests/" + id, TRIAGE_MA).status()).isEqualTo(404);
            Document record = mongo.findById(id, Document.class, "request_erasures");
            assertThat(record.getString("basis")).isEqualTo("case-erased");
            assertThat(record.keySet()).doesNotContain("content", "history", "answer");
            assertThat(mongo.count(query(where("resourceId").is(id).and("action").is("REQUEST_ERASED")),
                    AuditTrail.COLLECTION)).isEqualTo(1);
        }
        assertThat(mongo.findById("esc-erase-3", Document.class, "requests")).isNotNull();

        var again = http.post("/internal/case-erasures", SERVICE, erasure);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("requestsErased").asInt()).isZero();
        assertThat(mongo.count(query(where("resourceId").is("esc-erase-1").and("action").is("REQUEST_ERASED")),
                AuditTrail.COLLECTION)).isEqualTo(1);
    }

    private String created() {
        var answer = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
