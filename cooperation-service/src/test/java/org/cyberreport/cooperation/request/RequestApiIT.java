package org.cyberreport.cooperation.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class RequestApiIT extends CooperationIT {

    @Test
    void aRequestReachesOnlyTheDestinationsLiaisonWithOnlyWhatItsTypeNeeds() {
        Http.Answer sent = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true));
        String id = sent.json().get("id").asString();

        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        // ES is not recorded as bound by Directive (EU) 2023/977 (no row is seeded for it): police channels
        assertThat(sent.json().get("legalBasis").get("instrument").asString())
                .isEqualTo("INTERPOL police cooperation between National Central Bureaus");
        assertThat(sent.json().get("legalBasis").get("reasoning").toString()).contains("National Central Bureaus");
        JsonNode inbox = http.get("/api/cooperation/inbox", LIAISON_ES).json();
        assertThat(inbox.get(0).get("id").asString()).isEqualTo(id);
        assertThat(inbox.get(0).get("content").get("victims")).isEmpty();
        assertThat(inbox.get(0).get("handling").get("tlp").asString()).isEqualTo("AMBER");
        assertThat(http.get("/api/cooperation/inbox", LIAISON_FR).json()).isEmpty();
        assertThat(http.get("/api/cooperation/requests/" + id, LIAISON_FR).status()).isEqualTo(404);
        assertThat(http.post("/api/cooperation/requests/" + id + "/acknowledgement", LIAISON_FR, "").status()).isEqualTo(404);
        assertThat(http.get("/api/cooperation/requests/" + id, TRIAGE_FR).status()).isEqualTo(404);
    }

    @Test
    void theLiaisonAcknowledgesAndAnswersAndTheRequestingOfficersSeeIt() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();

        Http.Answer acknowledged = http.post("/api/cooperation/requests/" + id + "/acknowledgement", LIAISON_ES, "");
        Http.Answer answered = http.post("/api/cooperation/requests/" + id + "/answer", LIAISON_ES, """
                {"text":"The domain is registered to Bluecoast SL, Malaga.",
                 "evidence":[{"sha256":"%s","fileName":"whois.txt","mediaType":"text/plain"}]}""".formatted("a".repeat(64)));
        Http.Answer again = http.post("/api/cooperation/requests/" + id + "/refusal", LIAISON_ES, "{\"reason\":\"late\"}");
        JsonNode seen = http.get("/api/cooperation/requests/" + id, TRIAGE_MA).json();

        assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(seen.get("answer").get("text").asString()).startsWith("The domain is registered");
        assertThat(seen.get("acknowledgedAt").isNull()).isFalse();
        assertThat(seen.get("content").get("victims")).hasSize(1);
        assertThat(mongo.exists(Query.query(Criteria.where("resourceId").is(id).and("action").is("REQUEST_CONSULTED")),
                "audit_log")).isTrue();
    }

    @Test
    void aRequestPlacedInAnInboxIsRecordedAsADisclosure() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();

        Document disclosure = mongo.findOne(Query.query(Criteria.where("resourceId").is(id)
                .and("action").is("REQUEST_DISCLOSED")), Document.class, "audit_log");

        assertThat(disclosure.get("details", Document.class)).containsEntry("recipient", "ES")
                .containsEntry("channel", "inbox").containsEntry("victimData", "false");
    }

    @Test
    void changesByEitherSideNeverOverwriteTheRelaysDeliveryState() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("forwarding",
                new Document("version", 1L).append("state", "DELIVERED").append("attempts", 1)), "requests");

        http.post("/api/cooperation/requests/" + id + "/acknowledgement", LIAISON_ES, "");
        http.post("/api/cooperation/requests/" + id + "/answer", LIAISON_ES, "{\"text\":\"Done\"}");

        Document stored = mongo.findById(id, Document.class, "requests");
        assertThat(stored.getString("status")).isEqualTo("ANSWERED");
        assertThat(stored.get("forwarding", Document.class).getString("state")).isEqualTo("DELIVERED");
    }

    /** A request's creation and each change are stored with their audit records, each in the trail once. */
    @Test
    void aRequestAndItsChangesAreStoredWithTheirAuditRecords() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();
        assertThat(http.post("/api/cooperation/requests/" + id + "/withdrawal", TRIAGE_MA,
                "{\"reason\":\"The funds were recovered\"}").status()).isEqualTo(200);

        for (String action : java.util.List.of("REQUEST_CREATED", "REQUEST_WITHDRAWN")) {
            assertThat(mongo.count(Query.query(Criteria.where("resourceId").is(id).and("action").is(action)), "audit_log"))
                    .as(action).isEqualTo(1);
        }
        assertThat(mongo.findById(id, Document.class, "requests").getList("pendingAudit", Object.class, java.util.List.of()))
                .isEmpty();
    }

    @Test
    void aWithdrawnRequestIsNotDelivered() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("forwarding",
                new Document("version", 1L).append("state", "PENDING").append("attempts", 0)), "requests");

        Http.Answer withdrawn = http.post("/api/cooperation/requests/" + id + "/withdrawal", TRIAGE_MA,
                "{\"reason\":\"The funds were recovered\"}");

        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(mongo.findById(id, Document.class, "requests").get("forwarding", Document.class)
                .getString("state")).isEqualTo("CANCELLED");
    }

    @Test
    void anIncompleteRequestIsRefusedWithEveryMissingItemNamed() {
        Http.Answer refused = http.post("/api/cooperation/requests", TRIAGE_MA, """
                {"destinationCountry":"FR","type":"PRESERVATION","handling":{"tlp":"AMBER"},"send":true,
                 "content":{"offence":"Sextortion"}}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("requestingAuthority",
                "summaryOfFacts", "dataToPreserve", "linkToOffence", "custodianOrLocation", "necessity",
                "mutualLegalAssistanceToFollow");
        assertThat(mongo.count(new Query(), "requests")).isZero();
    }

    @Test
    void dataThatMayNotBePassedOnIsNotSent() {
        Http.Answer refused = http.post("/api/cooperation/requests", TRIAGE_MA,
                paymentStopTo("FR").replace("\"tlp\":\"AMBER\",\"codes\":[]", "\"tlp\":\"RED\",\"codes\":[]"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("field").getFirst()).startsWith("handling.permission");
    }

    @Test
    void aDraftIsCompletedAndSentLater() {
        Http.Answer draft = http.post("/api/cooperation/requests", TRIAGE_MA, """
                {"destinationCountry":"FR","type":"INFORMATION_REQUEST","handling":{"tlp":"GREEN"},"send":false,
                 "content":{"purpose":"Identify the operators"}}""");
        String id = draft.json().get("id").asString();
        JsonNode inboxBefore = http.get("/api/cooperation/inbox", LIAISON_FR).json();

        Http.Answer sent = http.post("/api/cooperation/requests/" + id + "/submission", TRIAGE_MA,
                "{\"content\":{\"purpose\":\"Identify the operators\",\"questions\":[\"Who rents 198.51.100.23?\"]}}");

        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.json().get("missing").get(0).asString()).isEqualTo("questions");
        assertThat(inboxBefore).as("drafts are not in the inbox").isEmpty();
        assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
        assertThat(http.get("/api/cooperation/inbox", LIAISON_FR).json()).hasSize(1);
    }

    @Test
    void escalationsFromTriageAreReceivedOnceAndWaitAsDraftsWhenIncomplete() {
        String complete = """
                {"escalationId":"esc-1","caseId":"c-1","caseReference":"MA-2026-000007","requestingCountry":"MA",
                 "destinationCountry":"FR","requestType":"PAYMENT_STOP","urgent":true,"reason":"Funds just left",
                 "requestedBy":"triage.ma","handling":{"tlp":"AMBER","codes":["H0"]},
                 "content":{"paymentRail":"INSTANT_PAYMENT","victimBank":"the bank of account MA64","beneficiaryBank":"BIC BNPAFRPP",
                   "beneficiaryAccount":"FR7630006000011234567890189","amount":{"amount":1500.00,"currency":"EUR"},
                   "valueDate":"@VALUE_DATE@","transactionReference":"eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70"}}"""
                .replace("@VALUE_DATE@", VALUE_DATE);

        Http.Answer first = http.post("/internal/escalations", SERVICE, complete);
        Http.Answer repeated = http.post("/internal/escalations", SERVICE, complete);
        Http.Answer incomplete = http.post("/internal/escalations", SERVICE, complete.replace("esc-1", "esc-2")
                .replace("\"transactionReference\":\"eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70\"", "\"transactionReference\":null"));

        assertThat(first.json().get("status").asString()).isEqualTo("SENT");
        assertThat(repeated.json().get("requestId").asString()).isEqualTo("esc-1");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("esc-1")), "requests")).isEqualTo(1);
        assertThat(incomplete.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(incomplete.json().get("missing").get(0).asString()).isEqualTo("transactionReference");
        assertThat(http.post("/internal/escalations", TRIAGE_MA, complete).status()).isEqualTo(403);
    }

    @Test
    void rolesAreCheckedPerOperation() {
        String reporter = TestTokens.reporter("MA", "u1");

        assertThat(http.get("/api/cooperation/inbox", reporter).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/inbox", TRIAGE_MA).status()).isEqualTo(403);
        assertThat(http.post("/api/cooperation/requests", LIAISON_FR, informationRequestTo("ES", true)).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/inbox", null).status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdministratorEditsTheDirectoryAndEndpointsCannotPointInside() {
        String update = "{\"delivery\":\"PUSH\",\"endpoint\":\"%s\"}";

        assertThat(http.get("/api/cooperation/directory", LIAISON_FR).json()).hasSize(196);
        assertThat(put("/api/cooperation/directory/FR", TRIAGE_MA, update.formatted("https://93.184.215.14/fr")).status())
                .isEqualTo(403);
        for (String unsafe : new String[] {"http://93.184.215.14/fr", "https://10.0.0.1/fr", "https://169.254.169.254/latest",
                "https://localhost/fr", "https://[::1]/fr", "https://user:pw@93.184.215.14/fr"}) {
            Http.Answer refused = put("/api/cooperation/directory/FR", ADMIN, update.formatted(unsafe));
            assertThat(refused.status()).as(unsafe).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("endpoint");
        }
        Http.Answer saved = put("/api/cooperation/directory/FR", ADMIN, update.formatted("https://93.184.215.14/fr"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("delivery").asString()).isEqualTo("PUSH");
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is("FR").and("action").is("DIRECTORY_CHANGED")),
                "audit_log")).isEqualTo(1);
        // the change was written with its record, which then joined the trail and left the entry
        org.bson.Document entry = mongo.findById("FR", org.bson.Document.class, "directory");
        assertThat(entry.getString("endpoint")).isEqualTo("https://93.184.215.14/fr");
        assertThat(entry.getList("pendingAudit", Object.class, java.util.List.of())).isEmpty();
        put("/api/cooperation/directory/FR", ADMIN, "{\"delivery\":\"INBOX\"}");
        // a field left out of the change is removed from the entry, not kept from before
        assertThat(mongo.findById("FR", org.bson.Document.class, "directory").containsKey("endpoint")).isFalse();
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is("FR").and("action").is("DIRECTORY_CHANGED")),
                "audit_log")).isEqualTo(2);
    }

    @Test
    void theScorecardCountsEachDestination() {
        String answered = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();
        http.post("/api/cooperation/requests/" + answered + "/answer", LIAISON_ES, "{\"text\":\"Done\"}");
        String refused = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("ES", true)).json().get("id").asString();
        http.post("/api/cooperation/requests/" + refused + "/refusal", LIAISON_ES, "{\"reason\":\"No legal basis here\"}");

        JsonNode spain = http.get("/api/cooperation/scorecard", ADMIN).json().get(0);

        assertThat(spain.get("country").asString()).isEqualTo("ES");
        assertThat(spain.get("sent").asInt()).isEqualTo(2);
        assertThat(spain.get("answered").asInt()).isEqualTo(1);
        assertThat(spain.get("refused").asInt()).isEqualTo(1);
        assertThat(spain.get("medianSecondsToAnswer").asLong()).isGreaterThanOrEqualTo(0);
    }
}
