package org.cyberreport.triage.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.bson.Document;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.CaseworkIT;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/** An escalation is relayed to cooperation, with triage's token, durably: a failure is retried. */
@TestPropertySource(properties = {"cyberreport.relay.first-backoff=20ms", "cyberreport.relay.max-backoff=50ms",
        "cyberreport.service-client.client-secret=test-secret"})
class EscalationRelayIT extends TriageIT {

    static final WireMockServer COOPERATION = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        COOPERATION.start();
    }

    @Autowired
    OutboxRelay escalationRelay;

    @DynamicPropertySource
    static void cooperation(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.relay.cooperation-url", COOPERATION::baseUrl);
        registry.add("cyberreport.service-client.token-uri", () -> COOPERATION.baseUrl() + "/token");
    }

    @AfterAll
    static void stop() {
        COOPERATION.stop();
    }

    @Test
    void anEscalationReachesCooperationOnceDespiteAFailure() {
        COOPERATION.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"triage-token\",\"expires_in\":300}")));
        COOPERATION.stubFor(post(CooperationDelivery.PATH).inScenario("once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        COOPERATION.stubFor(post(CooperationDelivery.PATH).inScenario("once").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        deliver(Fixtures.aHandoff("to-escalate", 1, "MA", CaseworkIT.goldenHourFraud()));
        String escalation = http.post("/api/triage/cases/to-escalate/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "DELIVERED".equals(mongo.findById(escalation, Document.class, "escalations")
                    .get("handoff", Document.class).getString("state"));
        });

        COOPERATION.verify(2, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
        COOPERATION.verify(postRequestedFor(urlEqualTo(CooperationDelivery.PATH))
                .withHeader("Authorization", equalTo("Bearer triage-token"))
                .withRequestBody(matchingJsonPath("$.escalationId", equalTo(escalation)))
                .withRequestBody(matchingJsonPath("$.requestType", equalTo("PAYMENT_STOP")))
                .withRequestBody(matchingJsonPath("$.content.beneficiaryAccount", equalTo("FR7630006000011234567890189"))));
    }
}
