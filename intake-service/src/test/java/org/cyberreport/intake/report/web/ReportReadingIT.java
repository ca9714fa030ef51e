package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

class ReportReadingIT extends IntakeIT {

    private static final String CASABLANCA = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String RABAT = TestTokens.reporter("MA", "rabat-cyber");
    private static final String PARIS = TestTokens.reporter("FR", "ofac");

    @Test
    void aReporterReadsTheReportsOfItsOwnUnit() {
        String id = fileAs(CASABLANCA, "online-fraud");

        Http.Answer answer = http.get("/api/reports/" + id, CASABLANCA);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asString()).isEqualTo(id);
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anotherUnitsReportDoesNotExistForAReporter() {
        String id = fileAs(CASABLANCA, "online-fraud");

        Http.Answer answer = http.get("/api/reports/" + id, RABAT);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:not-found");
    }

    @Test
    void aTriageOfficerReadsTheReportsOfItsOwnCountryOnly() {
        String id = fileAs(CASABLANCA, "online-fraud");

        assertThat(http.get("/api/reports/" + id, TestTokens.triageOfficer("MA")).status()).isEqualTo(200);
        assertThat(http.get("/api/reports/" + id, TestTokens.triageOfficer("FR")).status()).isEqualTo(404);
    }

    @Test
    void otherRolesAreRefused() {
        String id = fileAs(CASABLANCA, "online-fraud");

        Http.Answer liaison = http.get("/api/reports/" + id, TestTokens.liaison("MA"));
        Http.Answer admin = http.get("/api/reports", TestTokens.user("admin", List.of("admin"), "MA", null));

        assertThat(liaison.status()).isEqualTo(403);
        assertThat(liaison.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:forbidden");
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void anUnknownIdAnswers404() {
        assertThat(http.get("/api/reports/does-not-exist", CASABLANCA).status()).isEqualTo(404);
        assertThat(http.get("/api/reports/%24where", CASABLANCA).status()).isEqualTo(404);
    }

    @Test
    void readingIsAudited() {
        String id = fileAs(CASABLANCA, "extortion");

        http.get("/api/reports/" + id, TestTokens.triageOfficer("MA"));

        Document consulted = mongo.findOne(Query.query(Criteria.where("resourceId").is(id).and("action").is("REPORT_CONSULTED")),
                Document.class, "audit_log");
        assertThat(consulted.getString("actorUsername")).isEqualTo("triage-MA");
        assertThat(consulted.getString("actorCountry")).isEqualTo("MA");
    }

    @Test
    void listsTheUnitsReportsNewestFirstInBoundedPages() {
        List<String> filed = new ArrayList<>();
        for (String example : List.of("online-fraud", "extortion", "crypto", "data-theft", "crypto")) {
            filed.add(fileAs(CASABLANCA, example));
        }
        fileAs(RABAT, "crypto");

        JsonNode first = http.get("/api/reports?size=2", CASABLANCA).json();
        JsonNode third = http.get("/api/reports?size=2&page=2", CASABLANCA).json();

        assertThat(first.get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asLong()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(filed.get(4), filed.get(3));
        assertThat(ids(third)).containsExactly(filed.get(0));
        assertThat(first.get("items").get(0).has("content")).isFalse();
    }

    @Test
    void aTriageOfficerListsTheWholeCountry() {
        fileAs(CASABLANCA, "crypto");
        fileAs(RABAT, "crypto");
        fileAs(PARIS, "crypto");

        JsonNode page = http.get("/api/reports", TestTokens.triageOfficer("MA")).json();

        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void filtersByCategoryStatusAndReceiptTime() {
        String fraud = fileAs(CASABLANCA, "online-fraud");
        String crypto = fileAs(CASABLANCA, "crypto");
        http.post("/api/reports/" + crypto + "/withdrawal", CASABLANCA, "{\"reason\":\"Duplicate of another report\"}");
        Instant future = Instant.now().plusSeconds(3600);

        assertThat(ids(http.get("/api/reports?category=ONLINE_FRAUD", CASABLANCA).json())).containsExactly(fraud);
        assertThat(ids(http.get("/api/reports?status=WITHDRAWN", CASABLANCA).json())).containsExactly(crypto);
        assertThat(ids(http.get("/api/reports?receivedFrom=" + future, CASABLANCA).json())).isEmpty();
        assertThat(ids(http.get("/api/reports?receivedFrom=2026-01-01T00:00:00Z&receivedTo=" + future, CASABLANCA).json()))
                .containsExactlyInAnyOrder(fraud, crypto);
    }

    @Test
    void refusesInvalidListingParameters() {
        for (String query : List.of("size=101", "size=0", "page=-1", "status=OPEN", "category=fraud",
                "receivedFrom=yesterday", "receivedFrom=2026-02-01T00:00:00Z&receivedTo=2026-01-01T00:00:00Z")) {
            Http.Answer answer = http.get("/api/reports?" + query, CASABLANCA);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("type").asString()).as(query).isEqualTo("urn:cyberreport:problem:validation-failed");
            assertThat(answer.json().get("errors")).as(query).isNotEmpty();
        }
    }

    private String fileAs(String token, String example) {
        Http.Answer answer = file(token, example(example));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
