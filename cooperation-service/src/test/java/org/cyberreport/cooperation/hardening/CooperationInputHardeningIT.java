package org.cyberreport.cooperation.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** The cooperation cases of issue 10: bounds, dates, null elements, text, and the callback's refusal. */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class CooperationInputHardeningIT extends CooperationIT {

    @Test
    void aRequestsQuestionsAreBounded() {
        String questions = "\"Who?\",".repeat(60) + "\"Who?\"";
        Http.Answer answer = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("[\"Who holds the domain bluecoast-invest.com?\"]", "[" + questions + "]"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().path("errors").toString()).contains("content.questions");
        assertThat(storedRequests()).isZero();
    }

    @Test
    void seventyFiveThousandEmptyObjectsAreAnsweredQuicklyWithASmallProblem() {
        String body = informationRequestTo("FR", false)
                .replace("\"victims\":[", "\"persons\":[" + "{},".repeat(75_000) + "{}],\"victims\":[");
        long started = System.nanoTime();
        Http.Answer answer = http.post("/api/cooperation/requests", TRIAGE_MA, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(body.length()).isGreaterThan(200_000);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().length()).isLessThan(2_000);
        assertThat(millis).isLessThan(1_000);
        assertThat(storedRequests()).isZero();
    }

    @Test
    void aValueDateMustFitAPaymentAndInstantsAtTheExtremesAreRefused() {
        for (String date : List.of("9999-12-31T00:00:00Z", "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
                Instant.now().plusSeconds(3L * 365 * 86_400).toString(), "2019-01-01T00:00:00Z")) {
            Http.Answer answer = http.post("/api/cooperation/requests", TRIAGE_MA,
                    paymentStopTo("FR").replace(VALUE_DATE, date));
            assertThat(answer.status()).as(date + " " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(date).contains("valueDate");
        }
        assertThat(storedRequests()).isZero();
    }

    @Test
    void nullElementsInALiaisonsAnswerAreA400EvenForARequestThatDoesNotExist() {
        String id = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true)).json()
                .path("id").asString();
        for (String target : List.of(id, "no-such-request")) {
            Http.Answer answer = http.post("/api/cooperation/requests/" + target + "/answer", LIAISON_FR,
                    "{\"text\":\"The holder is X\",\"evidence\":[null]}");
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        Http.Answer nullQuestion = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("[\"Who holds the domain bluecoast-invest.com?\"]", "[null]"));
        assertThat(nullQuestion.status()).isEqualTo(400);
        Http.Answer nullCode = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("\"codes\":[\"H0\"]", "\"codes\":[null]"));
        assertThat(nullCode.status()).isEqualTo(400);
        assertThat(http.get("/api/cooperation/requests/" + id, TRIAGE_MA).json().path("status").asString()).isEqualTo("SENT");
        assertThat(storedRequests()).isEqualTo(1);
    }

    @Test
    void controlCharactersAndInvisibleCharactersInIdentifiersAreRefused() {
        Http.Answer control = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("Identify the operators", "Identify\\u001b[2J the operators"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.json().path("detail").asString()).contains("content.purpose");
        Http.Answer invisible = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)
                .replace("MA-2026-000042", "MA-2026-\\u200b000042"));
        assertThat(invisible.status()).isEqualTo(400);
        assertThat(invisible.json().path("errors").toString()).contains("caseReference");
        assertThat(storedRequests()).isZero();
    }

    @Test
    void anUnsignedOrBadlySignedCallbackGetsTheSameRefusalWhetherOrNotTheCountryHasAPartnerKey() throws Exception {
        KeyPair partner = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThat(put("/api/cooperation/directory/FR", ADMIN, "{\"delivery\":\"INBOX\",\"partnerKeyId\":\"fr-ncb-2026\","
                + "\"partnerPublicKey\":\"" + Base64.getEncoder().encodeToString(partner.getPublic().getEncoded()) + "\"}")
                .status()).isEqualTo(200);
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String body = "{\"requestId\":\"any\",\"action\":\"ACKNOWLEDGE\"}";

        for (String keyId : List.of("fr-ncb-2026", "es-ncb-2026")) {
            Http.Answer withKey = signed("FR", body, stranger, keyId);
            Http.Answer withoutKey = signed("ES", body, stranger, keyId);
            assertThat(withKey.status()).isEqualTo(401);
            assertThat(withoutKey.status()).isEqualTo(401);
            assertThat(withoutKey.json().path("detail")).isEqualTo(withKey.json().path("detail"));
        }
        Http.Answer unsignedWithKey = http.post("/api/cooperation/callbacks/FR", null, body);
        Http.Answer unsignedWithout = http.post("/api/cooperation/callbacks/ES", null, body);
        assertThat(unsignedWithKey.status()).isEqualTo(401);
        assertThat(unsignedWithout.status()).isEqualTo(401);
        assertThat(unsignedWithout.json().path("detail")).isEqualTo(unsignedWithKey.json().path("detail"));
    }

    private Http.Answer signed(String country, String body, KeyPair key, String keyId) {
        String path = "/api/cooperation/callbacks/" + country;
        var signature = MessageSignatures.sign(List.of("@method", "@path", "content-digest", "content-type"),
                MessageSignatures.values("POST", URI.create("http://127.0.0.1:" + port + path), "application/json",
                        body.getBytes(StandardCharsets.UTF_8)), key.getPrivate(), keyId, Instant.now(), UUID.randomUUID().toString());
        return http.post(path, null, body, Map.of("Content-Digest", signature.contentDigest(),
                "Signature-Input", signature.signatureInput(), "Signature", signature.signature()));
    }

    private long storedRequests() {
        return mongo.count(new Query(), "requests");
    }
}
