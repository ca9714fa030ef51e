package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * A supervisor sees the country's queue with who holds what, the officers' loads, what is overdue by
 * officer, and gives a case to another officer of the country with a reason.
 */
class SupervisionIT extends TriageIT {

    private static final String AMINA = TestTokens.user("amina", List.of("triage-officer"), "MA", null);
    private static final String KARIM = TestTokens.user("karim", List.of("triage-officer"), "MA", null);
    private static final String CLAIRE = TestTokens.user("claire", List.of("triage-officer"), "FR", null);
    private static final String SUPERVISOR = TestTokens.user("nadia", List.of("triage-supervisor"), "MA", null);
    private static final String FRENCH_SUPERVISOR = TestTokens.user("luc", List.of("triage-supervisor"), "FR", null);

    @BeforeEach
    void officersAtWork() {
        for (String id : List.of("held-1", "held-2", "free-1")) {
            deliver(Fixtures.aHandoff(id, 1, "MA", Fixtures.aPlainFraud()));
        }
        deliver(Fixtures.aHandoff("french-1", 1, "FR", Fixtures.aPlainFraud()));
        assertThat(http.post("/api/triage/cases/held-1/claim", AMINA, "").status()).isEqualTo(200);
        assertThat(http.post("/api/triage/cases/held-2/claim", AMINA, "").status()).isEqualTo(200);
        assertThat(http.get("/api/triage/cases", KARIM).status()).isEqualTo(200);
        assertThat(http.get("/api/triage/cases", CLAIRE).status()).isEqualTo(200);
        // held-1 and free-1 are past their due time
        Date past = Date.from(Instant.now().minus(Duration.ofHours(3)));
        mongo.updateMulti(query(where("_id").in("held-1", "free-1")), new Update().set("dueAt", past), "cases");
    }

    @Test
    void theCountrysQueueWithWhoHoldsWhat() {
        JsonNode all = http.get("/api/triage/supervision/cases", SUPERVISOR).json();
        assertThat(all.get("items").findValuesAsString("id")).containsExactlyInAnyOrder("held-1", "held-2", "free-1");
        JsonNode amina = http.get("/api/triage/supervision/cases?heldBy=amina", SUPERVISOR).json();
        assertThat(amina.get("items").findValuesAsString("id")).containsExactlyInAnyOrder("held-1", "held-2");
        assertThat(amina.get("items").findValuesAsString("claimedBy")).containsOnly("amina");
        assertThat(http.get("/api/triage/supervision/cases?heldBy=claire", SUPERVISOR).status())
                .as("an officer of another country is unknown here").isEqualTo(422);

        // other tests' officers of the country may be in the roster too (it is the service's, not a test's)
        JsonNode officers = http.get("/api/triage/supervision/officers", SUPERVISOR).json();
        assertThat(officers.findValuesAsString("username")).contains("amina", "karim").doesNotContain("claire");
        JsonNode aminasLoad = officer(officers, "amina");
        assertThat(aminasLoad.get("holding").asLong()).isEqualTo(2);
        assertThat(aminasLoad.get("overdue").asLong()).isEqualTo(1);
        assertThat(officer(officers, "karim").get("holding").asLong()).isZero();
        assertThat(http.get("/api/triage/supervision/officers", FRENCH_SUPERVISOR).json().findValuesAsString("username"))
                .contains("claire").doesNotContain("amina", "karim");
    }

    private static JsonNode officer(JsonNode officers, String username) {
        for (JsonNode officer : officers) {
            if (officer.get("username").asString().equals(username)) {
                return officer;
            }
        }
        throw new AssertionError("no officer " + username + " in " + officers);
    }

    @Test
    void whatIsOverdueByOfficer() {
        JsonNode overdue = http.get("/api/triage/supervision/overdue", SUPERVISOR).json();

        assertThat(overdue.get("total").asLong()).isEqualTo(2);
        assertThat(overdue.get("complete").asBoolean()).isTrue();
        JsonNode officers = overdue.get("officers");
        assertThat(officers).hasSize(2);
        JsonNode amina = officers.findParents("officer").stream()
                .filter(o -> "amina".equals(o.get("officer").asString())).findFirst().orElseThrow();
        assertThat(amina.get("overdue").asLong()).isEqualTo(1);
        JsonNode nobody = officers.get(0).has("officer") ? officers.get(1) : officers.get(0);
        assertThat(nobody.has("officer")).as("cases nobody holds name no officer").isFalse();
        assertThat(nobody.get("overdue").asLong()).isEqualTo(1);
        assertThat(http.get("/api/triage/supervision/overdue", FRENCH_SUPERVISOR).json().get("total").asLong()).isZero();
    }

    @Test
    void aSupervisorGivesACaseToAnotherOfficerWithAReason() {
        var answer = http.post("/api/triage/supervision/cases/held-1/assignment", SUPERVISOR,
                "{\"officer\":\"karim\",\"reason\":\"Amina is on leave from tomorrow\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("claimedBy").asString()).isEqualTo("karim");
        JsonNode history = http.get("/api/triage/cases/held-1", KARIM).json().get("history");
        JsonNode reassigned = history.get(history.size() - 1);
        assertThat(reassigned.get("action").asString()).isEqualTo("REASSIGNED");
        assertThat(reassigned.get("by").asString()).isEqualTo("nadia");
        assertThat(reassigned.get("details").get("from").asString()).isEqualTo("amina");
        assertThat(reassigned.get("details").get("to").asString()).isEqualTo("karim");
        assertThat(http.post("/api/triage/cases/held-1/release", KARIM, "").status()).as("now karim's to release").isEqualTo(200);
        Document audited = mongo.findOne(query(where("resourceId").is("held-1")).with(
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "at")).limit(1),
                Document.class, "audit_log");
        assertThat(audited).isNotNull();

        assertThat(http.post("/api/triage/supervision/cases/held-2/assignment", SUPERVISOR,
                "{\"officer\":\"claire\",\"reason\":\"x\"}").status()).as("not an officer of the country").isEqualTo(422);
        assertThat(http.post("/api/triage/supervision/cases/french-1/assignment", SUPERVISOR,
                "{\"officer\":\"karim\",\"reason\":\"x\"}").status()).as("a case abroad does not exist here").isEqualTo(404);
        assertThat(http.post("/api/triage/supervision/cases/held-2/assignment", SUPERVISOR,
                "{\"officer\":\"karim\"}").status()).as("a reason is required").isEqualTo(400);
        assertThat(http.post("/api/triage/cases/held-2/closure", AMINA,
                "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"done\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/triage/supervision/cases/held-2/assignment", SUPERVISOR,
                "{\"officer\":\"karim\",\"reason\":\"x\"}").status()).as("a closed case").isEqualTo(409);
    }

    @Test
    void onlySupervisorsSuperviseAndSupervisorsOnlyRead() {
        assertThat(http.get("/api/triage/supervision/overdue", AMINA).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/supervision/officers", TestTokens.reporter("MA", "MA-UNIT")).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/cases/free-1", SUPERVISOR).status()).isEqualTo(200);
        assertThat(http.post("/api/triage/cases/free-1/claim", SUPERVISOR, "").status()).isEqualTo(403);
        assertThat(http.get("/api/triage/cases/french-1", SUPERVISOR).status()).isEqualTo(404);
    }
}
