package org.cyberreport.cooperation.request.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.request.desk.DiffusionDesk;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

/**
 * A diffusion to five stand-in countries' systems (WireMock endpoints, each with its own signing key for its
 * callbacks); four acknowledge and answer, the fifth never does.
 */
@TestPropertySource(properties = {
        "cyberreport.cooperation.forwarding.poll-interval=100ms",
        "cyberreport.cooperation.forwarding.first-backoff=100ms",
        "cyberreport.cooperation.forwarding.max-backoff=300ms"})
class DiffusionIT extends CooperationIT {

    private static final WireMockServer ABROAD = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final List<String> COUNTRIES = List.of("FR", "DE", "IT", "ES", "NL");
    private static final List<String> COMPONENTS = List.of("@method", "@path", "content-digest", "content-type");

    static {
        ABROAD.start();
    }

    private final Map<String, KeyPair> keys = new HashMap<>();

    @Autowired
    DiffusionDesk diffusions;

    @AfterAll
    static void stopAbroad() {
        ABROAD.stop();
    }

    @BeforeEach
    void fiveCountriesWithSystemsOfTheirOwn() throws Exception {
        ABROAD.resetAll();
        for (String country : COUNTRIES) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            keys.put(country, pair);
            ABROAD.stubFor(post("/" + country.toLowerCase()).willReturn(aResponse().withStatus(202)));
            Http.Answer saved = put("/api/cooperation/directory/" + country, ADMIN, "{\"delivery\":\"PUSH\",\"endpoint\":\"http://127.0.0.1:"
                    + ABROAD.port() + "/" + country.toLowerCase() + "\",\"partnerKeyId\":\"" + country.toLowerCase() + "-ncb\","
                    + "\"partnerPublicKey\":\"" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\"}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
    }

    @Test
    void fourCountriesAnswerAndTheFifthShowsOverdue() {
        Http.Answer sent = http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(COUNTRIES));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().get("id").asString();
        Map<String, String> requestOf = new HashMap<>();
        sent.json().get("countries").forEach(country -> requestOf.put(country.get("country").asString(),
                country.get("requestId").asString()));
        assertThat(requestOf).containsOnlyKeys(COUNTRIES);

        await().atMost(Duration.ofSeconds(20)).until(() -> view(id).get("totals").get("delivered").asInt() == 5);
        for (String country : COUNTRIES) {
            ABROAD.verify(1, postRequestedFor(urlEqualTo("/" + country.toLowerCase())));
        }
        for (String country : COUNTRIES.subList(0, 4)) {
            assertThat(callback(country, requestOf.get(country), "ACKNOWLEDGE").status()).isEqualTo(200);
            assertThat(callback(country, requestOf.get(country), "ANSWER").status()).isEqualTo(200);
        }
        // a week on: every request's due time has passed (moved back in the store, as time would)
        for (String requestId : requestOf.values()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)),
                    new Update().set("dueAt", Date.from(Instant.now().minus(Duration.ofHours(1)))), "requests");
        }

        JsonNode whole = view(id);
        assertThat(whole.get("totals").toString()).isEqualTo(
                "{\"countries\":5,\"delivered\":5,\"acknowledged\":4,\"answered\":4,\"refused\":0,\"overdue\":1,\"notSent\":0}");
        for (JsonNode country : whole.get("countries")) {
            boolean silent = country.get("country").asString().equals("NL");
            assertThat(country.get("status").asString()).isEqualTo(silent ? "SENT" : "ANSWERED");
            assertThat(country.get("overdue").asBoolean()).as(country.toString()).isEqualTo(silent);
            assertThat(country.get("delivery").asString()).isEqualTo("DELIVERED");
        }
        JsonNode toFrance = http.get("/api/cooperation/requests/" + requestOf.get("FR"), TRIAGE_MA).json();
        assertThat(toFrance.get("answer").get("text").asString()).isEqualTo("Assets located");
        assertThat(toFrance.get("legalBasis").get("instrument").asString()).isEqualTo("INTERPOL Silver Notice (pilot)");
        assertThat(toFrance.get("legalBasis").get("reasoning").toString())
                .contains("in force for FR since 2006-05-01").contains("can rest on the Budapest Convention");
        assertThat(http.get("/api/cooperation/requests/" + requestOf.get("FR"), LIAISON_ES).status())
                .as("a recipient does not see another recipient's request").isEqualTo(404);
    }

    @Test
    void aDiffusionGoesToAllItsCountriesOrIsRefusedWhole() {
        long before = mongo.estimatedCount("requests");
        long diffusionsBefore = mongo.estimatedCount("diffusions");
        long auditBefore = mongo.estimatedCount("audit_log");
        assertThat(http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR", "FR", "DE"))).status()).isEqualTo(400);
        assertThat(http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR", "MA"))).status()).isEqualTo(400);
        assertThat(http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR", "QQ"))).status()).isEqualTo(400);
        assertThat(http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR"))).status()).isEqualTo(400);
        assertThat(http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR", "DE"))
                .replace("\"personOfInterest\":\"John Doe (born 1980)\",", "")).status()).isEqualTo(422);
        assertThat(mongo.estimatedCount("requests")).as("nothing written for a refused diffusion").isEqualTo(before);
        assertThat(mongo.estimatedCount("diffusions")).isEqualTo(diffusionsBefore);
        assertThat(mongo.estimatedCount("audit_log")).isEqualTo(auditBefore);
        assertThat(http.post("/api/cooperation/diffusions", LIAISON_FR, diffusion(List.of("ES", "DE"))).status()).isEqualTo(403);
    }

    @Test
    void onlyTheRequestingCountrysOfficersSeeTheWhole() {
        String id = http.post("/api/cooperation/diffusions", TRIAGE_MA, diffusion(List.of("FR", "DE"))).json().get("id").asString();
        assertThat(http.get("/api/cooperation/diffusions/" + id, TRIAGE_FR).status()).isEqualTo(404);
        assertThat(http.get("/api/cooperation/diffusions/" + id, LIAISON_FR).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/diffusions/" + id, TestTokens.reporter("MA", "MA-UNIT")).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/diffusions/" + UUID.randomUUID(), TRIAGE_MA).status()).isEqualTo(404);
        assertThat(http.get("/api/cooperation/diffusions/" + id, TRIAGE_MA).status()).isEqualTo(200);
    }

    @Test
    void theRequestsACrashKeptFromBeingWrittenAreWrittenByTheNextPass() {
        // the state a crash leaves right after the diffusion was stored: what it asks kept, no request written
        String id = UUID.randomUUID().toString();
        Document ask = new Document("caseReference", "MA-2026-000078").append("type", "ASSET_TRACING").append("urgent", false)
                .append("handling", new Document("tlp", "AMBER").append("codes", List.of("H0")))
                .append("content", new Document("offence", "Money laundering").append("personOfInterest", "John Doe (born 1980)")
                        .append("measures", List.of("LOCATE")).append("assetTypes", List.of("real estate")));
        mongo.insert(new Document("_id", id).append("requestingCountry", "MA").append("caseReference", "MA-2026-000078")
                .append("type", "ASSET_TRACING").append("urgent", false).append("countries", List.of("FR", "DE"))
                .append("createdBy", "triage.ma").append("createdAt", new Date()).append("ask", ask).append("pending", true),
                "diffusions");
        assertThat(view(id).get("totals").get("notSent").asInt()).isEqualTo(2);

        diffusions.completeLeftBehind();
        diffusions.completeLeftBehind();

        JsonNode whole = view(id);
        assertThat(whole.get("totals").get("notSent").asInt()).isZero();
        assertThat(whole.get("countries").valueStream().map(country -> country.get("status").asString()).toList())
                .containsExactly("SENT", "SENT");
        Document stored = mongo.findById(id, Document.class, "diffusions");
        assertThat(stored.getBoolean("pending")).isFalse();
        assertThat(stored.containsKey("ask")).as("what it asks is not kept once every request is written").isFalse();
    }

    private JsonNode view(String id) {
        Http.Answer answer = http.get("/api/cooperation/diffusions/" + id, TRIAGE_MA);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String diffusion(List<String> countries) {
        return """
                {"caseReference":"MA-2026-000077","destinationCountries":%s,"type":"ASSET_TRACING","urgent":false,
                 "handling":{"tlp":"AMBER","codes":["H0"]},
                 "content":{"offence":"Money laundering of the proceeds of a scam compound","personOfInterest":"John Doe (born 1980)",
                   "measures":["LOCATE","IDENTIFY"],"assetTypes":["real estate","crypto-assets"]}}"""
                .formatted(countries.stream().map(country -> "\"" + country + "\"").toList());
    }

    private Http.Answer callback(String country, String requestId, String action) {
        String body = "{\"requestId\":\"" + requestId + "\",\"action\":\"" + action + "\",\"text\":\"Assets located\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String path = "/api/cooperation/callbacks/" + country;
        var signed = MessageSignatures.sign(COMPONENTS, MessageSignatures.values("POST", URI.create("http://127.0.0.1:" + port + path),
                "application/json", bytes), keys.get(country).getPrivate(), country.toLowerCase() + "-ncb", Instant.now(),
                UUID.randomUUID().toString());
        return http.post(path, null, body, Map.of("Content-Digest", signed.contentDigest(),
                "Signature-Input", signed.signatureInput(), "Signature", signed.signature()));
    }
}
