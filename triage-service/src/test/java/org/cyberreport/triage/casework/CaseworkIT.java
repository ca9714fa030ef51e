package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

public class CaseworkIT extends TriageIT {

    private static final String OTHER_MA = TestTokens.user("triage2.ma", List.of("triage-officer"), "MA", null);

    @Test
    void theQueueShowsTheOfficersCountryMostUrgentFirst() {
        deliver(Fixtures.aHandoff("p4-case", 1, "MA", Fixtures.aPlainFraud()));
        deliver(Fixtures.aHandoff("p1-case", 1, "MA", goldenHourFraud()));
        deliver(Fixtures.aHandoff("p3-case", 1, "MA", Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(),
                new ReportFacts.Amount(new BigDecimal("200000"), "EUR"), false)));
        deliver(Fixtures.aHandoff("fr-case", 1, "FR", goldenHourFraud()));

        JsonNode queue = http.get("/api/triage/cases", TRIAGE_MA).json();

        assertThat(ids(queue)).containsExactly("p1-case", "p3-case", "p4-case");
        assertThat(queue.get("items").get(0).get("level").asString()).isEqualTo("P1");
        assertThat(queue.get("items").get(0).get("goldenHour").asBoolean()).isTrue();
        assertThat(ids(http.get("/api/triage/cases?level=P1", TRIAGE_MA).json())).containsExactly("p1-case");
        assertThat(ids(http.get("/api/triage/cases?category=CRYPTO", TRIAGE_MA).json())).isEmpty();
        assertThat(ids(http.get("/api/triage/cases", TRIAGE_FR).json())).containsExactly("fr-case");
        assertThat(ids(http.get("/api/triage/cases?size=2&page=1", TRIAGE_MA).json())).containsExactly("p4-case");
        for (String bad : List.of("size=101", "page=-1", "level=P9", "status=OPEN", "category=fraud")) {
            assertThat(http.get("/api/triage/cases?" + bad, TRIAGE_MA).status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aCaseOfAnotherCountryDoesNotExistForTheOfficer() {
        deliver(Fixtures.aHandoff("ma-only", 1, "MA", Fixtures.aPlainFraud()));

        assertThat(http.get("/api/triage/cases/ma-only", TRIAGE_MA).status()).isEqualTo(200);
        assertThat(http.get("/api/triage/cases/ma-only", TRIAGE_FR).status()).isEqualTo(404);
        assertThat(http.post("/api/triage/cases/ma-only/claim", TRIAGE_FR, "").status()).isEqualTo(404);
        assertThat(http.get("/api/triage/cases/ma-only", TestTokens.reporter("MA", "u1")).status()).isEqualTo(403);
    }

    @Test
    void aCaseInFullExplainsItsPriority() {
        deliver(Fixtures.aHandoff("explained", 1, "MA", goldenHourFraud()));

        JsonNode view = http.get("/api/triage/cases/explained", TRIAGE_MA).json();

        JsonNode breakdown = view.get("priority").get("breakdown");
        assertThat(breakdown.findValuesAsString("factor")).contains("GOLDEN_HOUR", "BENEFICIARY_KNOWN", "LOSS");
        int sum = 0;
        for (JsonNode line : breakdown) {
            sum += line.get("points").asInt();
            assertThat(line.get("reason").asString()).isNotBlank();
        }
        assertThat(sum).isEqualTo(view.get("priority").get("score").asInt());
        assertThat(view.get("history").findValuesAsString("action")).contains("OPENED", "SCORED");
        assertThat(mongo.exists(Query.query(Criteria.where("resourceId").is("explained").and("action").is("CASE_CONSULTED")),
                "audit_log")).isTrue();
    }

    @Test
    void aSecondClaimConflictsAndOnlyTheClaimantReleases() {
        deliver(Fixtures.aHandoff("claimed", 1, "MA", Fixtures.aPlainFraud()));

        Http.Answer first = http.post("/api/triage/cases/claimed/claim", TRIAGE_MA, "");
        Http.Answer second = http.post("/api/triage/cases/claimed/claim", OTHER_MA, "");
        Http.Answer foreignRelease = http.post("/api/triage/cases/claimed/release", OTHER_MA, "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("claimedBy").asString()).isEqualTo("triage-MA");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:state-conflict");
        assertThat(foreignRelease.status()).isEqualTo(409);
        assertThat(ids(http.get("/api/triage/cases?claimedByMe=true", TRIAGE_MA).json())).containsExactly("claimed");
        assertThat(ids(http.get("/api/triage/cases?claimedByMe=true", OTHER_MA).json())).isEmpty();
        assertThat(http.post("/api/triage/cases/claimed/release", TRIAGE_MA, "").json().get("status").asString()).isEqualTo("NEW");
    }

    @Test
    void anOverrideNeedsAReasonAndKeepsTheComputedScore() {
        deliver(Fixtures.aHandoff("override", 1, "MA", Fixtures.aPlainFraud()));

        Http.Answer noReason = http.post("/api/triage/cases/override/level-override", TRIAGE_MA, "{\"level\":\"P1\"}");
        Http.Answer overridden = http.post("/api/triage/cases/override/level-override", TRIAGE_MA,
                "{\"level\":\"P1\",\"reason\":\"The suspect is in custody abroad for 48 hours\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        JsonNode view = overridden.json();
        assertThat(view.get("level").asString()).isEqualTo("P1");
        assertThat(view.get("priority").get("computedLevel").asString()).isEqualTo("P4");
        assertThat(view.get("override").get("computedScore").asInt()).isEqualTo(view.get("priority").get("score").asInt());
        JsonNode entry = view.get("history").get(view.get("history").size() - 1);
        assertThat(entry.get("action").asString()).isEqualTo("LEVEL_OVERRIDDEN");
        assertThat(entry.get("details").get("reason").asString()).isEqualTo("The suspect is in custody abroad for 48 hours");
        assertThat(entry.get("details").get("computedScore").asString()).isNotBlank();
    }

    @Test
    void reclassifiesAddsNotesAndCloses() {
        deliver(Fixtures.aHandoff("worked", 1, "MA", Fixtures.aPlainFraud()));

        Http.Answer reclassified = http.post("/api/triage/cases/worked/classification", TRIAGE_MA,
                "{\"category\":\"CRYPTO\",\"subtype\":\"PIG_BUTCHERING\",\"reason\":\"Paid in USDT\"}");
        Http.Answer noted = http.post("/api/triage/cases/worked/notes", TRIAGE_MA, "{\"text\":\"Called the victim's bank\"}");
        Http.Answer closed = http.post("/api/triage/cases/worked/closure", TRIAGE_MA,
                "{\"outcome\":\"REFERRED_FOR_INVESTIGATION\",\"reason\":\"Cybercrime unit takes it\"}");
        Http.Answer afterClose = http.post("/api/triage/cases/worked/claim", TRIAGE_MA, "");

        assertThat(reclassified.json().get("category").asString()).isEqualTo("CRYPTO");
        assertThat(reclassified.json().get("reportedCategory").asString()).isEqualTo("ONLINE_FRAUD");
        assertThat(noted.json().get("notes").get(0).get("text").asString()).isEqualTo("Called the victim's bank");
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(http.post("/api/triage/cases/worked/closure", TRIAGE_MA, "{\"outcome\":\"SOLVED\",\"reason\":\"x\"}").status())
                .isEqualTo(400);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is("worked")), "audit_log")).isEqualTo(3);
    }

    @Test
    void anEscalationIsADurableHandoffToCooperation() {
        deliver(Fixtures.aHandoff("escalated", 1, "MA", goldenHourFraud()));

        Http.Answer sameCountry = http.post("/api/triage/cases/escalated/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"MA\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"r\"}");
        Http.Answer escalated = http.post("/api/triage/cases/escalated/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                        + "\"reason\":\"Funds reached a French account two hours ago\"}");

        assertThat(sameCountry.status()).isEqualTo(400);
        assertThat(escalated.status()).isEqualTo(202);
        Document stored = mongo.findById(escalated.json().get("escalationId").asString(), Document.class, "escalations");
        assertThat(stored.getString("destinationCountry")).isEqualTo("FR");
        assertThat(stored.getString("requestType")).isEqualTo("PAYMENT_STOP");
        assertThat(stored.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");
        Document content = stored.get("content", Document.class);
        assertThat(content.getString("paymentRail")).isEqualTo("INSTANT_PAYMENT");
        assertThat(content.getString("beneficiaryAccount")).isEqualTo("FR7630006000011234567890189");
        assertThat(content.get("valueDate")).isNotNull();
        assertThat(content.getString("requestingAuthority")).isEqualTo("INTERPOL National Central Bureau MA");
        JsonNode view = http.get("/api/triage/cases/escalated", TRIAGE_MA).json();
        assertThat(view.get("history").findValuesAsString("action")).contains("ESCALATED");
    }

    public static ReportFacts goldenHourFraud() {
        return Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(Fixtures.aPayment("INSTANT_PAYMENT", "1500.00",
                Instant.now().minus(Duration.ofHours(2)), true)), null, false);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
