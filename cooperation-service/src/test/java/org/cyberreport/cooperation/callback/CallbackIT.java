package org.cyberreport.cooperation.callback;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A partner's own system answers on our callback, signed; anything not freshly and rightly signed is refused. */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class CallbackIT extends CooperationIT {

    private static final String PATH = "/api/cooperation/callbacks/FR";
    private static final List<String> COMPONENTS = List.of("@method", "@path", "content-digest", "content-type");

    private KeyPair france;
    private String requestId;

    @BeforeEach
    void franceHasAKeyAndARequest() throws Exception {
        france = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = Base64.getEncoder().encodeToString(france.getPublic().getEncoded());
        assertThat(put("/api/cooperation/directory/FR", ADMIN, "{\"delivery\":\"INBOX\",\"partnerKeyId\":\"fr-ncb-2026\","
                + "\"partnerPublicKey\":\"" + key + "\"}").status()).isEqualTo(200);
        requestId = http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")).json().get("id").asString();
    }

    @Test
    void aSignedAnswerIsTaken() {
        Http.Answer answer = callback(body("ANSWER", requestId), Instant.now(), UUID.randomUUID().toString(), null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(http.get("/api/cooperation/requests/" + requestId, TRIAGE_MA).json().get("answer").get("text").asString())
                .isEqualTo("Funds frozen on the beneficiary account");
    }

    @Test
    void aTamperedBodyIsRefused() {
        Http.Answer answer = callback(body("ANSWER", requestId), Instant.now(), UUID.randomUUID().toString(),
                body("REFUSE", requestId));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asString()).contains("digest");
        assertThat(status()).isEqualTo("SENT");
    }

    @Test
    void anOldSignatureIsRefused() {
        Http.Answer answer = callback(body("ANSWER", requestId), Instant.now().minus(Duration.ofMinutes(10)),
                UUID.randomUUID().toString(), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("detail").asString()).contains("fresh");
    }

    @Test
    void aReplayedNonceIsRefused() {
        String nonce = UUID.randomUUID().toString();
        Http.Answer first = callback(body("ACKNOWLEDGE", requestId), Instant.now(), nonce, null);
        Http.Answer replay = callback(body("ACKNOWLEDGE", requestId), Instant.now(), nonce, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("detail").asString()).contains("nonce");
    }

    @Test
    void anUnsignedOrForeignlySignedCallbackIsRefused() throws Exception {
        Http.Answer unsigned = http.post(PATH, null, body("ANSWER", requestId));
        france = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Http.Answer wrongKey = callback(body("ANSWER", requestId), Instant.now(), UUID.randomUUID().toString(), null);

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(status()).isEqualTo("SENT");
    }

    @Test
    void aPartnerActsOnlyOnRequestsAddressedToIt() {
        String spanish = http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("ES")).json().get("id").asString();

        Http.Answer answer = callback(body("ANSWER", spanish), Instant.now(), UUID.randomUUID().toString(), null);

        assertThat(answer.status()).isEqualTo(404);
    }

    private Http.Answer callback(String signedBody, Instant created, String nonce, String sentBody) {
        byte[] bytes = signedBody.getBytes(StandardCharsets.UTF_8);
        var signed = MessageSignatures.sign(COMPONENTS, MessageSignatures.values("POST",
                URI.create("http://127.0.0.1:" + port + PATH), "application/json", bytes), france.getPrivate(),
                "fr-ncb-2026", created, nonce);
        return http.post(PATH, null, sentBody == null ? signedBody : sentBody, Map.of("Content-Digest", signed.contentDigest(),
                "Signature-Input", signed.signatureInput(), "Signature", signed.signature()));
    }

    private static String body(String action, String id) {
        return "{\"requestId\":\"" + id + "\",\"action\":\"" + action + "\",\"text\":\"Funds frozen on the beneficiary account\","
                + "\"reason\":\"Account closed\"}";
    }

    private String status() {
        return http.get("/api/cooperation/requests/" + requestId, TRIAGE_MA).json().get("status").asString();
    }
}
