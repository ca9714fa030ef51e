package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

class ReportChangesIT extends IntakeIT {

    private static final String CASABLANCA = TestTokens.reporter("MA", "casablanca-cyber");

    @Test
    void anAmendmentReplacesPartsAndIsAppendedToTheHistory() {
        String id = fileOnlineFraud();

        Http.Answer answer = http.post("/api/reports/" + id + "/amendments", CASABLANCA, """
                {"reason": "Victim found a second transfer", "narrative": "Updated account of events.",
                 "totalLoss": {"amount": 6500.00, "currency": "EUR"}}""");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("version").asLong()).isEqualTo(2);
        assertThat(answer.header("ETag")).isEqualTo("\"2\"");
        assertThat(report.get("content").get("narrative").asString()).isEqualTo("Updated account of events.");
        JsonNode amendment = report.get("amendments").get(0);
        assertThat(amendment.get("number").asInt()).isEqualTo(1);
        assertThat(amendment.get("amendedBy").asString()).isEqualTo("reporter-MA-casablanca-cyber");
        assertThat(amendment.get("reason").asString()).isEqualTo("Victim found a second transfer");
        assertThat(amendment.get("changes").findValuesAsString("part")).containsExactly("totalLoss", "narrative");
        assertThat(amendment.get("changes").get(1).get("before").asString()).startsWith("\"Contacted on Instagram");
    }

    @Test
    void anAmendmentQueuesTheNewVersionForTriageAndIsAudited() {
        String id = fileOnlineFraud();

        http.post("/api/reports/" + id + "/amendments", CASABLANCA, "{\"reason\":\"typo\",\"narrative\":\"Corrected.\"}");

        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "reports");
        assertThat(stored.get("handoff", Document.class).getLong("version")).isEqualTo(2L);
        assertThat(stored.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");
        assertThat(mongo.exists(Query.query(Criteria.where("resourceId").is(id).and("action").is("REPORT_AMENDED")),
                "audit_log")).isTrue();
    }

    @Test
    void anAmendedReportMustStillBeValid() {
        String id = fileOnlineFraud();

        Http.Answer answer = http.post("/api/reports/" + id + "/amendments", CASABLANCA, """
                {"reason": "new phone", "victims": [{"kind": "PERSON", "name": "A", "minor": false, "phone": "12345"}],
                 "discoveredAt": "2020-01-01T00:00:00Z"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("victims[0].phone", "discoveredAt");
        assertThat(http.get("/api/reports/" + id, CASABLANCA).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anAmendmentThatChangesNothingIsRefused() {
        String id = fileOnlineFraud();
        String narrative = http.get("/api/reports/" + id, CASABLANCA).json().get("content").get("narrative").asString();

        Http.Answer answer = http.post("/api/reports/" + id + "/amendments", CASABLANCA,
                "{\"reason\":\"nothing\",\"narrative\":" + Http.JSON.writeValueAsString(narrative) + "}");

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void anAmendmentNeedsAReasonAndCannotChangeTheCategory() {
        String id = fileOnlineFraud();

        Http.Answer noReason = http.post("/api/reports/" + id + "/amendments", CASABLANCA, "{\"narrative\":\"x\"}");
        Http.Answer category = http.post("/api/reports/" + id + "/amendments", CASABLANCA,
                "{\"reason\":\"r\",\"category\":\"CRYPTO\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(category.status()).isEqualTo(400);
    }

    @Test
    void anAmendmentBasedOnAnOldVersionIsRefused() {
        String id = fileOnlineFraud();
        http.post("/api/reports/" + id + "/amendments", CASABLANCA, "{\"reason\":\"one\",\"narrative\":\"First change.\"}");

        Http.Answer stale = http.post("/api/reports/" + id + "/amendments", CASABLANCA,
                "{\"reason\":\"two\",\"narrative\":\"Second change.\"}", Map.of("If-Match", "\"1\""));
        Http.Answer current = http.post("/api/reports/" + id + "/amendments", CASABLANCA,
                "{\"reason\":\"two\",\"narrative\":\"Second change.\"}", Map.of("If-Match", "\"2\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.status()).isEqualTo(200);
    }

    @Test
    void onlyTheFilingUnitChangesAReport() {
        String id = fileOnlineFraud();
        String body = "{\"reason\":\"r\",\"narrative\":\"Changed by someone else.\"}";

        assertThat(http.post("/api/reports/" + id + "/amendments", TestTokens.reporter("MA", "rabat-cyber"), body).status())
                .isEqualTo(404);
        assertThat(http.post("/api/reports/" + id + "/amendments", TestTokens.triageOfficer("MA"), body).status())
                .isEqualTo(403);
        assertThat(http.post("/api/reports/" + id + "/withdrawal", TestTokens.reporter("FR", "ofac"), "{\"reason\":\"r\"}")
                .status())
                .isEqualTo(404);
        assertThat(http.get("/api/reports/" + id, CASABLANCA).json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aWithdrawalIsFinal() {
        String id = fileOnlineFraud();

        Http.Answer withdrawn = http.post("/api/reports/" + id + "/withdrawal", CASABLANCA,
                "{\"reason\":\"The victim recovered the funds via chargeback\"}");
        Http.Answer again = http.post("/api/reports/" + id + "/withdrawal", CASABLANCA, "{\"reason\":\"again\"}");
        Http.Answer amended = http.post("/api/reports/" + id + "/amendments", CASABLANCA,
                "{\"reason\":\"late\",\"narrative\":\"Too late.\"}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("withdrawal").get("reason").asString())
                .isEqualTo("The victim recovered the funds via chargeback");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:state-conflict");
        assertThat(amended.status()).isEqualTo(409);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is(id).and("action").is("REPORT_WITHDRAWN")),
                "audit_log")).isEqualTo(1);
    }

    @Test
    void aWithdrawalNeedsAReason() {
        String id = fileOnlineFraud();

        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"" + "x".repeat(2001) + "\"}")) {
            assertThat(http.post("/api/reports/" + id + "/withdrawal", CASABLANCA, body).status()).isEqualTo(400);
        }
        assertThat(http.get("/api/reports/" + id, CASABLANCA).json().get("status").asString()).isEqualTo("FILED");
    }

    private String fileOnlineFraud() {
        Http.Answer answer = file(CASABLANCA, example("online-fraud"));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().get("id").asString();
    }
}
