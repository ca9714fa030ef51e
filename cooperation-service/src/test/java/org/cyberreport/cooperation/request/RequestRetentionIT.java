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

    private String created() {
        var answer = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
