package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditChain;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An officer's change of a case is stored with its audit record in the same write: the record is in the
 * trail once the change is answered, and a record a crash left in the case joins the trail at the next
 * pass, once, whatever background writes the case saw in between.
 */
class CaseAuditIT extends TriageIT {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditChain chain;

    @Test
    void aClaimIsStoredWithItsRecordAndTheRecordIsInTheTrail() {
        deliver(Fixtures.aHandoff("R-AUDIT-1", 1, "MA", Fixtures.aPlainFraud()));

        assertThat(http.post("/api/triage/cases/R-AUDIT-1/claim", TRIAGE_MA, "").status()).isEqualTo(200);

        assertThat(records("R-AUDIT-1", "CASE_CLAIMED")).isEqualTo(1);
        assertThat(pending("R-AUDIT-1")).isEmpty();
    }

    @Test
    void aRecordLeftInTheCaseByACrashJoinsTheTrailOnceEvenAfterABackgroundRewrite() {
        deliver(Fixtures.aHandoff("R-AUDIT-2", 1, "MA", Fixtures.aPlainFraud()));
        Document record = new Document("_id", "left-by-a-crash").append("at", new Date(0)).append("action", "CASE_CLAIMED")
                .append("resourceType", "case").append("resourceId", "R-AUDIT-2").append("actorUsername", "triage-MA")
                .append("details", new Document()).append("sealed", false);
        mongo.updateFirst(query(where("_id").is("R-AUDIT-2")), new Update().push(AuditTrail.PENDING, record), "cases");
        // a background change of the case (a note here, as the re-scoring or a copy would) rewrites the whole case
        assertThat(http.post("/api/triage/cases/R-AUDIT-2/notes", TRIAGE_MA, "{\"text\":\"Called the bank\"}").status())
                .isEqualTo(200);
        assertThat(pending("R-AUDIT-2")).extracting(entry -> ((Document) entry).get("_id")).contains("left-by-a-crash");

        assertThat(trail.settlePending(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(trail.settlePending(Duration.ofSeconds(10))).isZero();

        assertThat(mongo.count(query(where("_id").is("left-by-a-crash")), AuditTrail.COLLECTION)).isEqualTo(1);
        assertThat(records("R-AUDIT-2", "CASE_NOTE_ADDED")).isEqualTo(1);
        assertThat(pending("R-AUDIT-2")).isEmpty();
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();
    }

    private long records(String caseId, String action) {
        return mongo.count(query(where("resourceId").is(caseId).and("action").is(action)), AuditTrail.COLLECTION);
    }

    private List<Object> pending(String caseId) {
        return mongo.findById(caseId, Document.class, "cases").getList(AuditTrail.PENDING, Object.class, List.of());
    }
}
