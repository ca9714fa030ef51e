package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Intake's breaker through the gateway: what one caller's requests provoke (400s, and 500s from a
 * defect they hit) never opens it for others, while the service really failing does.
 */
class BreakerIT extends StubbedServices {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aThousandRequestsThatIntakeRefusesOrFailsOnLeaveItsBreakerClosedForOthers() {
        SERVICES.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", PROBLEM).withBody("{\"type\":\"urn:cyberreport:problem:invalid-report\",\"status\":400}")));
        SERVICES.stubFor(get(urlPathMatching("/api/reports/boom-.*")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", PROBLEM).withBody("{\"type\":\"urn:cyberreport:problem:internal\",\"status\":500}")));
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200).withBody("[]")));
        String attacker = TestTokens.user("attacker", List.of("reporter"), "MA", "casablanca-cyber");
        String other = TestTokens.user("bystander", List.of("reporter"), "FR", "ofac");
        CircuitBreaker intake = circuitBreakers.circuitBreaker("intake");
        AtomicInteger recordedFailures = new AtomicInteger();
        intake.getEventPublisher().onError(event -> recordedFailures.incrementAndGet());

        int passedThrough = 0;
        int othersAnswered = 0;
        for (int i = 0; i < 1_000; i++) {
            Http.Answer answer = i % 5 == 0
                    ? http.get("/api/reports/boom-" + i, attacker)
                    : http.post("/api/reports", attacker, "{\"category\": [" + i + "]}", Map.of("Idempotency-Key", "bad-" + i));
            if (answer.status() == (i % 5 == 0 ? 500 : 400) && answer.body().contains("urn:cyberreport:problem:")) {
                passedThrough++;
            }
            if (i % 100 == 99 && http.get("/api/reports", other).status() == 200) {
                othersAnswered++;
            }
        }

        assertThat(passedThrough).as("each refusal and each 500 reaches the caller as the service gave it").isEqualTo(1_000);
        assertThat(othersAnswered).isEqualTo(10);
        assertThat(intake.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(recordedFailures).as("failures the breaker recorded").hasValue(0);
        assertThat(http.get("/api/reports", other).status()).isEqualTo(200);
        SERVICES.verify(200, getRequestedFor(urlPathMatching("/api/reports/boom-.*")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"503", "502", "timeout", "connection reset"})
    void aServiceThatFailsForEveryoneOpensItsBreakerWithinItsWindow(String failure) {
        SERVICES.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(failing(failure)));
        String reporter = TestTokens.user("reporter-" + failure, List.of("reporter"), "MA", "casablanca-cyber");
        CircuitBreaker intake = circuitBreakers.circuitBreaker("intake");

        int sent = 0;
        while (intake.getState() == CircuitBreaker.State.CLOSED && sent < 20) {
            Http.Answer answer = http.post("/api/reports", reporter, "{}", Map.of("Idempotency-Key", "k-" + failure + sent));
            assertThat(answer.status()).isEqualTo(503);
            sent++;
        }

        assertThat(intake.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(sent).as("requests until the breaker opened").isBetween(10, 20);
        Http.Answer whileOpen = http.post("/api/reports", reporter, "{}", Map.of("Idempotency-Key", "k-open-" + failure));
        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(whileOpen.json().get("service").asString()).isEqualTo("intake");
        SERVICES.verify(sent, postRequestedFor(urlPathEqualTo("/api/reports")));
    }

    /**
     * A client that sends a request's head and stops part-way through its body holds a call to the service
     * open: without a deadline of its own the gateway would wait for the service's answer, time out, and
     * count a slow client as a service that does not answer. It answers 408 first, and the breaker
     * records nothing.
     */
    @Test
    void clientsThatStopSendingTheirBodyGet408AndLeaveTheBreakerClosed() {
        SERVICES.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(201).withBody("{}")));
        String reporter = TestTokens.user("slow-sender", List.of("reporter"), "MA", "casablanca-cyber");
        CircuitBreaker intake = circuitBreakers.circuitBreaker("intake");
        AtomicInteger recordedFailures = new AtomicInteger();
        intake.getEventPublisher().onError(event -> recordedFailures.incrementAndGet());
        RawHttp client = new RawHttp(port);

        for (int i = 0; i < 12; i++) {
            byte[] request = ("POST /api/reports HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + reporter
                    + "\r\nIdempotency-Key: slow-" + i + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"category\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            RawHttp.Reply reply = client.exchange("127.0.0.1", request);

            assertThat(reply.answers()).as("answers to slow request %d (connection %s)", i, reply.end()).hasSize(1);
            RawHttp.Answer answer = reply.answers().getFirst();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Content-Type")).startsWith(PROBLEM);
            assertThat(answer.text()).contains("urn:cyberreport:problem:request-timeout");
        }

        assertThat(intake.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(recordedFailures).as("failures the breaker recorded").hasValue(0);
        assertThat(http.post("/api/reports", reporter, "{}", Map.of("Idempotency-Key", "whole")).status()).isEqualTo(201);
    }

    private static ResponseDefinitionBuilder failing(String failure) {
        return switch (failure) {
            case "timeout" -> aResponse().withStatus(201).withFixedDelay(2_000); // the gateway waits 1 s
            case "connection reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            default -> aResponse().withStatus(Integer.parseInt(failure));
        };
    }
}
