package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A reporter marks a person named in a report as a possible victim of trafficking in a scam compound:
 * the person, the indicators, their identifiers (checked like the subjects') and the compound are kept
 * with the report (the hand-off carries the content as it is, see ReportHandoffContractTest), and bad values are
 * refused field by field.
 */
class PossibleTraffickingVictimIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");

    static String withPerson(String person) {
        String body = example("online-fraud").strip();
        return body.substring(0, body.lastIndexOf('}')) + ", \"possibleTraffickingVictims\": [" + person + "]}";
    }

    static final String HELD = """
            {"name": "Lisa", "nationality": "PH", "indicators": ["FAKE_JOB_OFFER", "PASSPORT_CONFISCATED", "FORCED_WORK"],
             "identifiers": [{"type": "PHONE", "value": "+855962345678"}],
             "compound": {"country": "KH", "locality": "Sihanoukville", "description": "Building C",
                          "latitude": 10.6093, "longitude": 103.5296}}""";

    @Test
    void aPersonMarkedAsAPossibleTraffickingVictimIsKeptWithTheReport() {
        Http.Answer filed = file(REPORTER, withPerson(HELD));

        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        JsonNode report = http.get("/api/reports/" + filed.json().get("id").asString(), REPORTER).json();
        JsonNode person = report.get("content").get("possibleTraffickingVictims").get(0);
        assertThat(person.get("indicators").toString()).contains("FAKE_JOB_OFFER", "PASSPORT_CONFISCATED", "FORCED_WORK");
        assertThat(person.get("compound").get("country").asString()).isEqualTo("KH");
        assertThat(person.get("identifiers").get(0).get("value").asString()).isEqualTo("+855962345678");
        org.bson.Document stored = mongo.findById(filed.json().get("id").asString(), org.bson.Document.class, "reports");
        assertThat(stored.toJson()).contains("possibleTraffickingVictims", "Sihanoukville");
    }

    @Test
    void eachBadValueIsRefusedAndNamed() {
        Http.Answer answer = file(REPORTER, withPerson("""
                {"indicators": [], "identifiers": [{"type": "PHONE", "value": "0612"}],
                 "compound": {"country": "Cambodia", "latitude": 95}},
                {"indicators": ["FORCED_WORK"]},
                {"name": "Ann", "indicators": ["DEBT_BONDAGE"], "compound": {"country": "MM", "latitude": 16.7}}"""));

        assertThat(answer.status()).isEqualTo(400);
        List<String> fields = answer.json().get("errors").findValuesAsString("field");
        assertThat(fields).contains("possibleTraffickingVictims[0].indicators",
                "possibleTraffickingVictims[0].identifiers[0].value", "possibleTraffickingVictims[0].compound.country",
                "possibleTraffickingVictims[0].compound.latitude", "possibleTraffickingVictims[1]",
                "possibleTraffickingVictims[2].compound");
        assertThat(storedReports()).isZero();
    }

    @Test
    void anAmendmentCanMarkAPersonLater() {
        Http.Answer filed = file(REPORTER, example("online-fraud"));
        String id = filed.json().get("id").asString();

        Http.Answer amended = http.post("/api/reports/" + id + "/amendments", REPORTER,
                "{\"reason\": \"The 'mentor' said she is held\", \"possibleTraffickingVictims\": [" + HELD + "]}");

        assertThat(amended.status()).as(amended.body()).isIn(200, 201);
        assertThat(http.get("/api/reports/" + id, REPORTER).json().get("content").get("possibleTraffickingVictims")
                .get(0).get("name").asString()).isEqualTo("Lisa");
    }
}
