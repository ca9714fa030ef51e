package org.cyberreport.triage.casestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each case's level, status and outcome are copied into the outbox to intake a few seconds after they
 * change, once per change the filing unit would see, also when a pass was cut short.
 */
class CaseStateCopiesIT extends TriageIT {

    @Autowired
    CaseStateCopies copies;

    @BeforeEach
    void noCopies() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "case_states");
    }

    @Test
    void aCasesStateIsCopiedOncePerChangeTheUnitWouldSee() {
        deliver(Fixtures.aHandoff("copied-1", 1, "MA", Fixtures.aPlainFraud()));

        Document opened = await().atMost(Duration.ofSeconds(10)).until(() -> copy("copied-1"), found -> found != null);
        assertThat(opened.getString("reference")).isEqualTo("MA-2026-copied");
        assertThat(opened.getString("level")).startsWith("P");
        assertThat(opened.getString("status")).isEqualTo("NEW");
        assertThat(opened.get("version", Number.class).longValue()).isEqualTo(1);
        assertThat(opened.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");

        http.post("/api/triage/cases/copied-1/notes", TRIAGE_MA, "{\"text\":\"called the bank\"}");
        http.post("/api/triage/cases/copied-1/claim", TRIAGE_MA, "");
        Document claimed = await().atMost(Duration.ofSeconds(10)).until(() -> copy("copied-1"),
                found -> "IN_PROGRESS".equals(found.getString("status")));
        assertThat(claimed.get("version", Number.class).longValue()).as("a note changes nothing the unit sees").isEqualTo(2);

        http.post("/api/triage/cases/copied-1/closure", TRIAGE_MA, "{\"outcome\":\"RESOLVED\",\"reason\":\"funds returned\"}");
        Document closed = await().atMost(Duration.ofSeconds(10)).until(() -> copy("copied-1"),
                found -> "CLOSED".equals(found.getString("status")));
        assertThat(closed.getString("outcome")).isEqualTo("RESOLVED");
        assertThat(closed.getDate("closedAt")).isNotNull();
        assertThat(closed.get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(closed.get("handoff", Document.class).get("version", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void aPassCutShortIsMadeUpAndRepeatingItChangesNothing() {
        deliver(Fixtures.aHandoff("copied-2", 1, "MA", Fixtures.aPlainFraud()));
        await().atMost(Duration.ofSeconds(10)).until(() -> copy("copied-2"), found -> found != null);

        // A crash before the watermark moved: the next pass reads the same cases again.
        mongo.upsert(query(where("_id").is("case_states")), new Update().set("until", new Date(0)), "case_state_watermarks");
        mongo.remove(query(where("_id").is("copied-2")), "case_states");
        await().atMost(Duration.ofSeconds(10)).until(() -> copy("copied-2"), found -> found != null);
        mongo.upsert(query(where("_id").is("case_states")), new Update().set("until", new Date(0)), "case_state_watermarks");
        await().atMost(Duration.ofSeconds(10)).until(() -> copies.pass() == 0);

        assertThat(copy("copied-2").get("version", Number.class).longValue()).isEqualTo(1);
    }

    private Document copy(String id) {
        return mongo.findById(id, Document.class, "case_states");
    }
}
