package org.cyberreport.cooperation.treaty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class TreatyIT extends CooperationIT {

    private static final String REPORTER = TestTokens.reporter("MA", "MA-UNIT");

    @Autowired
    Clock clock;

    @Autowired
    AuditTrail audit;

    @BeforeEach
    @AfterEach
    void theSeededTable() {
        mongo.remove(new Query(), TreatyTable.COLLECTION);
        new TreatyTable(mongo, clock, audit);
    }

    @Test
    void theTableIsSeededWithItsSourcesAndReadByOfficersLiaisonsAndAdministratorsOnly() {
        Http.Answer table = http.get("/api/cooperation/treaties", TRIAGE_MA);

        assertThat(table.status()).as(table.body()).isEqualTo(200);
        JsonNode morocco = row(table.json(), "BUDAPEST:MA");
        assertThat(morocco.get("inForceFrom").asString()).isEqualTo("2018-10-01");
        assertThat(morocco.get("source").asString()).contains("Council of Europe");
        assertThat(morocco.get("sourceDate").asString()).isEqualTo("2018-06-29");
        assertThat(row(table.json(), "BUDAPEST:FR").get("inForceFrom").asString()).isEqualTo("2006-05-01");
        JsonNode un = row(table.json(), "UN_CYBERCRIME:FR");
        assertThat(un.get("signedOn").asString()).isEqualTo("2025-10-25");
        assertThat(un.has("inForceFrom") && !un.get("inForceFrom").isNull()).as("signed, not in force").isFalse();
        assertThat(table.json().size()).isEqualTo(TreatyTable.seedRows(clock.instant()).size());
        for (JsonNode party : table.json()) {
            assertThat(party.get("source").asString()).as(party.toString()).isNotBlank();
            assertThat(party.get("sourceDate").asString()).as(party.toString()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(http.get("/api/cooperation/treaties", LIAISON_FR).status()).isEqualTo(200);
        assertThat(http.get("/api/cooperation/treaties", ADMIN).status()).isEqualTo(200);
        assertThat(http.get("/api/cooperation/treaties", REPORTER).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/treaties", null).status()).isEqualTo(401);
    }

    @Test
    void theBasisFollowsThePairOfCountriesAndTheDayWithItsReasoning() {
        JsonNode preservation = propose("FR", "PRESERVATION", null);
        assertThat(preservation.get("instrument").asString()).isEqualTo("Budapest Convention on Cybercrime");
        assertThat(preservation.get("article").asString()).isEqualTo("Art. 29");
        assertThat(preservation.get("reasoning").toString()).contains("in force for MA since 2018-10-01")
                .contains("in force for FR since 2006-05-01").contains("binds both countries");

        JsonNode before = propose("FR", "PRESERVATION", "2018-09-30");
        assertThat(before.get("instrument").asString()).startsWith("National law and reciprocity");
        assertThat(before.get("reasoning").toString()).contains("in force for MA only from 2018-10-01")
                .contains("signed by MA on 2025-10-25, not in force for it").contains("no cybercrime treaty binds both");

        JsonNode assistance = propose("ES", "MUTUAL_LEGAL_ASSISTANCE", null);
        assertThat(assistance.get("instrument").asString()).startsWith("National law and reciprocity");
        assertThat(assistance.get("reasoning").toString()).contains("ES is not recorded as a party");

        assertThat(propose("FR", "INFORMATION_REQUEST", null).get("instrument").asString())
                .isEqualTo("INTERPOL police cooperation between National Central Bureaus");
        JsonNode stop = propose("FR", "PAYMENT_STOP", null);
        assertThat(stop.get("instrument").asString()).startsWith("INTERPOL I-GRIP");
        assertThat(stop.get("reasoning").toString()).contains("can rest on the Budapest Convention");

        assertThat(http.get("/api/cooperation/legal-basis?destination=FR&type=PRESERVATION", LIAISON_ES).status()).isEqualTo(200);
        assertThat(http.get("/api/cooperation/legal-basis?destination=FR&type=PRESERVATION", REPORTER).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/legal-basis?destination=QQ&type=PRESERVATION", TRIAGE_MA).status()).isEqualTo(400);
        assertThat(http.get("/api/cooperation/legal-basis?destination=FR&type=ARREST", TRIAGE_MA).status()).isEqualTo(400);
        assertThat(http.get("/api/cooperation/legal-basis?destination=FR&type=PRESERVATION&on=2026-02-30", TRIAGE_MA).status())
                .isEqualTo(400);
    }

    @Test
    void administratorsKeepTheTableAndEveryChangeIsAuditedInTheSameWrite() {
        String inForce = """
                {"signedOn":"2025-10-25","inForceFrom":"2026-06-01","source":"UN Treaty Collection, Chapter XVIII.16","sourceDate":"2026-06-02"}""";
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/MA", TRIAGE_MA, inForce).status()).isEqualTo(403);
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/MA", ADMIN, inForce).status()).isEqualTo(200);
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/ES", ADMIN, inForce).status()).isEqualTo(200);

        JsonNode assistance = propose("ES", "MUTUAL_LEGAL_ASSISTANCE", null);
        assertThat(assistance.get("instrument").asString()).isEqualTo("United Nations Convention against Cybercrime");
        assertThat(assistance.get("article").asString()).isEqualTo("Art. 40");
        assertThat(assistance.get("reasoning").toString()).contains("in force for ES since 2026-06-01")
                .contains("UN Treaty Collection, Chapter XVIII.16, 2026-06-02");
        assertThat(propose("ES", "MUTUAL_LEGAL_ASSISTANCE", "2026-05-31").get("instrument").asString())
                .startsWith("National law and reciprocity");

        assertThat(http.delete("/api/cooperation/treaties/BUDAPEST/MA", ADMIN, "").status()).isEqualTo(204);
        assertThat(http.delete("/api/cooperation/treaties/BUDAPEST/MA", ADMIN, "").status()).isEqualTo(404);
        assertThat(http.get("/api/cooperation/treaties", ADMIN).json().toString()).doesNotContain("BUDAPEST:MA");
        new TreatyTable(mongo, clock, audit); // a restart does not seed a removed row again
        assertThat(http.get("/api/cooperation/treaties", ADMIN).json().toString()).doesNotContain("BUDAPEST:MA");
        assertThat(propose("FR", "MUTUAL_LEGAL_ASSISTANCE", null).get("reasoning").toString())
                .contains("Budapest Convention on Cybercrime: MA is not recorded as a party");

        List<String> ids = List.of("UN_CYBERCRIME:MA", "UN_CYBERCRIME:ES", "BUDAPEST:MA");
        List<Document> records = mongo.find(Query.query(Criteria.where("resourceId").in(ids)), Document.class, "audit_log");
        assertThat(records).extracting(record -> record.getString("action") + " " + record.getString("resourceId"))
                .containsExactlyInAnyOrder("TREATY_PARTY_CHANGED UN_CYBERCRIME:MA", "TREATY_PARTY_CHANGED UN_CYBERCRIME:ES",
                        "TREATY_PARTY_REMOVED BUDAPEST:MA");
        assertThat(records).allSatisfy(record -> assertThat(record.getString("actorUsername")).isEqualTo("admin"));
        assertThat(mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, TreatyTable.COLLECTION))
                .as("records left waiting in the table").noneMatch(row -> row.containsKey("pendingAudit")
                        && !row.getList("pendingAudit", Object.class).isEmpty());
    }

    @Test
    void badRowsAreRefusedWithTheirReasons() {
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/MA", ADMIN,
                "{\"inForceFrom\":\"2026-13-01\",\"source\":\"x\",\"sourceDate\":\"2026-01-01\"}").status()).isEqualTo(400);
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/MA", ADMIN,
                "{\"signedOn\":\"2026-02-01\",\"inForceFrom\":\"2026-01-01\",\"source\":\"x\",\"sourceDate\":\"2026-01-01\"}").status())
                .isEqualTo(400);
        assertThat(put("/api/cooperation/treaties/UN_CYBERCRIME/MA", ADMIN, "{\"inForceFrom\":\"2026-01-01\"}").status()).isEqualTo(400);
        assertThat(put("/api/cooperation/treaties/GENEVA/MA", ADMIN,
                "{\"source\":\"x\",\"sourceDate\":\"2026-01-01\"}").status()).isEqualTo(400);
        assertThat(put("/api/cooperation/treaties/BUDAPEST/ma", ADMIN,
                "{\"source\":\"x\",\"sourceDate\":\"2026-01-01\"}").status()).isEqualTo(400);
        assertThat(put("/api/cooperation/treaties/BUDAPEST/QQ", ADMIN,
                "{\"source\":\"x\",\"sourceDate\":\"2026-01-01\"}").status()).isEqualTo(404);
        assertThat(put("/api/cooperation/treaties/BUDAPEST/ES", ADMIN,
                "{\"source\":\"" + "x".repeat(301) + "\",\"sourceDate\":\"2026-01-01\"}").status()).isEqualTo(400);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").in("UN_CYBERCRIME:MA", "GENEVA:MA", "BUDAPEST:ES")),
                "audit_log")).isZero();
    }

    @Test
    void aRequestCarriesTheProposedBasisAndItsReasoningToTheLiaison() {
        Http.Answer drafted = http.post("/api/cooperation/requests", TRIAGE_MA, """
                {"caseReference":"MA-2026-000042","destinationCountry":"FR","type":"PRESERVATION","urgent":false,
                 "handling":{"tlp":"AMBER","codes":["H0"]},"send":true,
                 "content":{"requestingAuthority":"DGSN, Rabat","offence":"Investment fraud","summaryOfFacts":"Victims paid a fake broker",
                   "dataToPreserve":"Subscriber and log data of bluecoast-invest.com","linkToOffence":"The fraud site",
                   "custodianOrLocation":"OVH, Roubaix","necessity":"Logs are kept 30 days","mutualLegalAssistanceToFollow":true}}""");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        assertThat(drafted.json().get("legalBasis").get("article").asString()).isEqualTo("Art. 29");

        JsonNode received = http.get("/api/cooperation/requests/" + id, LIAISON_FR).json();
        assertThat(received.get("legalBasis").get("instrument").asString()).isEqualTo("Budapest Convention on Cybercrime");
        assertThat(received.get("legalBasis").get("reasoning").toString()).contains("in force for FR since 2006-05-01");

        Http.Answer chosen = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("\"send\":false,", "\"send\":false,\"legalBasis\":{\"instrument\":\"Bilateral agreement MA-FR\",\"article\":\"Art. 3\"},"));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        assertThat(chosen.json().get("legalBasis").get("instrument").asString()).isEqualTo("Bilateral agreement MA-FR");
        assertThat(chosen.json().get("legalBasis").get("reasoning").get(0).asString())
                .isEqualTo("Chosen by the officer; the treaty table proposes INTERPOL police cooperation between National Central Bureaus"
                        + " Rules on the Processing of Data, Art. 10.");
    }

    private JsonNode propose(String destination, String type, String on) {
        Http.Answer answer = http.get("/api/cooperation/legal-basis?destination=" + destination + "&type=" + type
                + (on == null ? "" : "&on=" + on), TRIAGE_MA);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode row(JsonNode table, String id) {
        for (JsonNode party : table) {
            if (party.get("id").asString().equals(id)) {
                return party;
            }
        }
        throw new AssertionError("no row " + id + " in " + table);
    }
}
