package org.cyberreport.cooperation.callback;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another country's platform (stood in for by WireMock and a key pair of its own) delivers a signed request:
 * it joins the destination's inbox, the liaison answers it here, and the answer goes back to that platform,
 * signed with this platform's key. Its hit/no-hit queries are refused until an administrator switches
 * hit/no-hit on for it, and beyond its rate.
 */
@TestPropertySource(properties = {"cyberreport.cooperation.hitcheck.identifiers-per-minute=2",
        // another local host than the partner's, for the callback address bound to the partner's host
        "cyberreport.cooperation.allowed-for-development=127.0.0.1,localhost",
        // this platform serves France and Spain: Morocco's platform may address either, nobody else
        "cyberreport.cooperation.home-countries=FR,ES"})
class PartnerPlatformIT extends CooperationIT {

    static final WireMockServer MOROCCO = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        MOROCCO.start();
    }

    private static final String REQUESTS = "/api/cooperation/partners/MA/requests";
    private static final List<String> COMPONENTS = List.of("@method", "@target-uri", "@path", "content-digest", "content-type");

    @Autowired
    SigningKeys ours;

    @Autowired
    JsonMapper json;

    private KeyPair morocco;

    @AfterAll
    static void stop() {
        MOROCCO.stop();
    }

    @BeforeEach
    void moroccoIsAPartner() throws Exception {
        MOROCCO.resetAll();
        MOROCCO.stubFor(post("/api/cooperation/callbacks/FR").willReturn(aResponse().withStatus(200)));
        morocco = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = Base64.getEncoder().encodeToString(morocco.getPublic().getEncoded());
        assertThat(put("/api/cooperation/directory/MA", ADMIN, "{\"delivery\":\"PUSH\",\"partnerKeyId\":\"ma-platform\","
                + "\"partnerPublicKey\":\"" + key + "\",\"endpoint\":\"" + base() + "/api/cooperation/partners/FR/requests\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void aPartnersRequestJoinsTheInboxAndItsAnswerGoesBackSigned() throws Exception {
        Http.Answer delivered = deliver(request("ma-request-1"), UUID.randomUUID().toString());
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);
        String id = delivered.json().get("requestId").asString();
        // delivered again (a lost response): the same request, not a second one
        assertThat(deliver(request("ma-request-1"), UUID.randomUUID().toString()).json().get("requestId").asString()).isEqualTo(id);

        JsonNode inbox = http.get("/api/cooperation/inbox", LIAISON_FR).json();
        assertThat(inbox.toString()).contains(id).contains("MA-2026-000042");
        assertThat(http.get("/api/cooperation/inbox", LIAISON_ES).json().toString()).doesNotContain(id);

        assertThat(http.post("/api/cooperation/requests/" + id + "/answer", LIAISON_FR,
                "{\"text\":\"The domain is held by a company registered in Lyon\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> !MOROCCO.findAll(postRequestedFor(urlEqualTo("/api/cooperation/callbacks/FR"))).isEmpty());
        LoggedRequest reply = MOROCCO.findAll(postRequestedFor(urlEqualTo("/api/cooperation/callbacks/FR"))).getLast();
        JsonNode body = json.readTree(reply.getBody());
        assertThat(body.get("requestId").asString()).isEqualTo("ma-request-1");
        assertThat(body.get("action").asString()).isEqualTo("ANSWER");
        assertThat(body.get("text").asString()).isEqualTo("The domain is held by a company registered in Lyon");
        // signed with our key, verifiable as Morocco's platform verifies a callback
        MessageSignatures.verify(List.of("@method", "@path", "content-digest", "content-type"),
                MessageSignatures.values("POST", URI.create(base() + "/api/cooperation/callbacks/FR"),
                        reply.getHeader("Content-Type"), reply.getBody()),
                reply.getHeader("Signature-Input"), reply.getHeader("Signature"), reply.getHeader("Content-Digest"),
                keyId -> ours.keyId().equals(keyId) ? SigningKeys.publicKey(ours.publicKeyBase64()) : null,
                Instant.now(), Duration.ofMinutes(5));
        assertThat(mongo.findById(id, org.bson.Document.class, "requests").get("reply", org.bson.Document.class)
                .getString("state")).isEqualTo("DELIVERED");
    }

    @Test
    void anUnsignedForeignlySignedOrMisaddressedRequestIsRefused() throws Exception {
        assertThat(http.post(REQUESTS, null, request("ma-request-2")).status()).isEqualTo(401);
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair real = morocco;
        morocco = stranger;
        assertThat(deliver(request("ma-request-2"), UUID.randomUUID().toString()).status()).isEqualTo(401);
        morocco = real;
        String nonce = UUID.randomUUID().toString();
        assertThat(deliver(request("ma-request-3"), nonce).status()).isEqualTo(202);
        assertThat(deliver(request("ma-request-3"), nonce).status()).as("a replayed nonce").isEqualTo(401);
        // Morocco cannot send a request in Spain's name, nor an unknown type, nor call back to a private address
        assertThat(deliver(request("ma-request-4").replace("\"requestingCountry\":\"MA\"", "\"requestingCountry\":\"ES\""),
                UUID.randomUUID().toString()).status()).isEqualTo(422);
        assertThat(deliver(request("ma-request-5").replace("INFORMATION_REQUEST", "ARREST"), UUID.randomUUID().toString())
                .status()).isEqualTo(400);
        assertThat(deliver(request("ma-request-6").replace(base(), "https://10.0.0.7"), UUID.randomUUID().toString())
                .status()).isEqualTo(422);
        // nor address a country this platform does not serve
        Http.Answer notHere = deliver(request("ma-request-8").replace("\"destinationCountry\":\"FR\"", "\"destinationCountry\":\"DE\""),
                UUID.randomUUID().toString());
        assertThat(notHere.status()).isEqualTo(422);
        assertThat(notHere.json().get("errors").toString()).contains("destinationCountry");
        // nor have the answer sent anywhere but to its own platform's host
        Http.Answer elsewhere = deliver(request("ma-request-7").replace(base(), "http://localhost:" + MOROCCO.port()),
                UUID.randomUUID().toString());
        assertThat(elsewhere.status()).isEqualTo(422);
        assertThat(elsewhere.json().get("errors").toString()).contains("callbackUrl").contains("must be on the host");
        assertThat(http.get("/api/cooperation/inbox", LIAISON_FR).json().toString()).doesNotContain("ma-request-2")
                .doesNotContain("ma-request-4");
        assertThat(mongo.estimatedCount("requests")).isEqualTo(1);
    }

    @Test
    void hitNoHitIsAnsweredOnlyWhenSwitchedOnAndWithinTheRate() {
        String query = "{\"blinded\":[\"A2xjYmNk\"]}";
        Http.Answer off = signed("/api/cooperation/partners/MA/hitcheck", query, UUID.randomUUID().toString());
        assertThat(off.status()).isEqualTo(403);
        assertThat(off.json().get("detail").asString()).contains("not switched on");

        String key = Base64.getEncoder().encodeToString(morocco.getPublic().getEncoded());
        assertThat(put("/api/cooperation/directory/MA", ADMIN, "{\"delivery\":\"INBOX\",\"partnerKeyId\":\"ma-platform\","
                + "\"partnerPublicKey\":\"" + key + "\",\"hitcheck\":true}").status())
                .as("switched on without the partner's endpoint").isEqualTo(400);
        assertThat(put("/api/cooperation/directory/MA", ADMIN, "{\"delivery\":\"INBOX\",\"partnerKeyId\":\"ma-platform\","
                + "\"partnerPublicKey\":\"" + key + "\",\"hitcheck\":true,\"hitcheckEndpoint\":\"" + base()
                + "/api/cooperation/partners/FR/hitcheck\"}").status()).isEqualTo(200);

        // within the rate the query goes on to triage (not running here: unavailable); beyond it, refused at once
        Http.Answer first = signed("/api/cooperation/partners/MA/hitcheck", query, UUID.randomUUID().toString());
        Http.Answer second = signed("/api/cooperation/partners/MA/hitcheck", query, UUID.randomUUID().toString());
        Http.Answer third = signed("/api/cooperation/partners/MA/hitcheck", query, UUID.randomUUID().toString());
        assertThat(first.status()).isEqualTo(503);
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(429);
        assertThat(mongo.findAll(org.bson.Document.class, "audit_log").toString()).contains("HITCHECK_REFUSED")
                .doesNotContain("A2xjYmNk");
    }

    private static String base() {
        return "http://127.0.0.1:" + MOROCCO.port();
    }

    private String request(String partnerId) {
        return """
                {"requestId":"%s","requestingCountry":"MA","destinationCountry":"FR","type":"INFORMATION_REQUEST",
                 "legalBasis":{"instrument":"Budapest Convention on Cybercrime","article":"Art. 25","reasoning":["both parties"]},
                 "urgent":false,"sentAt":"%s","dueAt":"%s","caseReference":"MA-2026-000042",
                 "handling":{"tlp":"AMBER","codes":["H0"]},
                 "content":{"questions":["Who holds the domain bluecoast-invest.com?"],"purpose":"Identify the operators"},
                 "callbackUrl":"%s/api/cooperation/callbacks/FR"}
                """.formatted(partnerId, Instant.now(), Instant.now().plus(Duration.ofDays(7)), base());
    }

    private Http.Answer deliver(String body, String nonce) {
        return signed(REQUESTS, body, nonce);
    }

    private Http.Answer signed(String path, String body, String nonce) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = MessageSignatures.sign(COMPONENTS, MessageSignatures.values("POST",
                URI.create("http://127.0.0.1:" + port + path), "application/json", bytes), morocco.getPrivate(),
                "ma-platform", Instant.now(), nonce);
        return http.post(path, null, body, Map.of("Content-Digest", signed.contentDigest(),
                "Signature-Input", signed.signatureInput(), "Signature", signed.signature()));
    }
}
