package org.cyberreport.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.SignatureVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;

/**
 * triage.ma escalates a payment fraud to France; the request reaches a local stand-in for the French
 * endpoint, signed; liaison.fr acknowledges and answers in the inbox; triage.ma sees the answer.
 */
class CooperationE2EIT {

    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static final WireMockServer FRANCE = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeAll
    static void start() throws Exception {
        FRANCE.start();
        FRANCE.stubFor(post("/fr-ncb/requests").willReturn(aResponse().withStatus(202)));
        RunningPlatform.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RunningPlatform.stop();
        FRANCE.stop();
    }

    @Test
    void anEscalatedPaymentFraudReachesFranceSignedAndItsAnswerComesBack() throws Exception {
        String admin = RunningPlatform.tokenFor("admin");
        Http.Answer directory = GATEWAY.send(GATEWAY.request("/api/cooperation/directory/FR", admin,
                Map.of("Content-Type", "application/json")).PUT(HttpRequest.BodyPublishers.ofString(
                "{\"delivery\":\"PUSH\",\"endpoint\":\"http://127.0.0.1:" + FRANCE.port() + "/fr-ncb/requests\"}")));
        assertThat(directory.status()).as(directory.body()).isEqualTo(200);

        String reportId = GATEWAY.post("/api/reports", RunningPlatform.tokenFor("reporter.ma"),
                Reports.onlineFraud(Reports.Kind.GOLDEN_HOUR, 77_001), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .json().get("id").asString();
        String triage = RunningPlatform.tokenFor("triage.ma");
        await().atMost(Duration.ofSeconds(60)).until(() -> GATEWAY.get("/api/triage/cases/" + reportId, triage).status() == 200);

        Http.Answer escalated = GATEWAY.post("/api/triage/cases/" + reportId + "/escalations", triage,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                        + "\"reason\":\"The money reached a German account two hours ago through a French payment institution\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(202);
        String requestId = escalated.json().get("escalationId").asString();

        await().atMost(Duration.ofSeconds(60)).until(() -> !FRANCE.findAll(postRequestedFor(urlEqualTo("/fr-ncb/requests"))).isEmpty());
        LoggedRequest received = FRANCE.findAll(postRequestedFor(urlEqualTo("/fr-ncb/requests"))).getFirst();
        String publicKey = GATEWAY.get("/api/cooperation/signing-key", admin).json().get("publicKey").asString();
        SignatureVerifier.verify(received, publicKey, Instant.now());
        JsonNode sent = Http.JSON.readTree(received.getBodyAsString());
        assertThat(sent.get("requestId").asString()).isEqualTo(requestId);
        assertThat(sent.get("type").asString()).isEqualTo("PAYMENT_STOP");
        assertThat(sent.get("content").get("beneficiaryBank").asString()).isEqualTo("BIC DEUTDEFF");

        String liaison = RunningPlatform.tokenFor("liaison.fr");
        JsonNode inbox = GATEWAY.get("/api/cooperation/inbox", liaison).json();
        assertThat(inbox.findValuesAsString("id")).contains(requestId);
        assertThat(GATEWAY.get("/api/cooperation/requests/" + requestId, RunningPlatform.tokenFor("liaison.es")).status())
                .isEqualTo(404);
        assertThat(GATEWAY.post("/api/cooperation/requests/" + requestId + "/acknowledgement", liaison, "").status())
                .isEqualTo(200);
        assertThat(GATEWAY.post("/api/cooperation/requests/" + requestId + "/answer", liaison,
                "{\"text\":\"The beneficiary account was frozen; EUR 500.00 recalled.\"}").status()).isEqualTo(200);

        JsonNode seen = GATEWAY.get("/api/cooperation/requests/" + requestId, triage).json();
        assertThat(seen.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(seen.get("answer").get("text").asString()).contains("frozen");
        assertThat(seen.get("delivery").asString()).isEqualTo("DELIVERED");
    }
}
