package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The gateway between real callers and WireMock standing in for the three services, with tokens
 * checked against a WireMock-served key set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE,
        "GATEWAY_MANAGEMENT_PORT=0",
        "GATEWAY_RESPONSE_TIMEOUT=1s",
        "GATEWAY_RATE_LIMIT_REQUESTS=20",
        "GATEWAY_RATE_LIMIT_PERIOD=10s",
        "GATEWAY_MAX_BODY_SIZE=64KB",
        "cyberreport.gateway.refusal-limit.requests=10000"})
class GatewayIT {

    /** The three services share one stub server for most tests; routing is proven with one server each. */
    static final WireMockServer SERVICES = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final WireMockServer TRIAGE_ONLY = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final WireMockServer COOPERATION_ONLY = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        SERVICES.start();
        TRIAGE_ONLY.start();
        COOPERATION_ONLY.start();
    }

    /** A caller of its own per test, so that the rate limit of one test does not spill into another. */
    private final String REPORTER = TestTokens.user("reporter-" + UUID.randomUUID(), List.of("reporter"), "MA", "casablanca-cyber");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    Http http;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        registry.add("INTAKE_URL", () -> SERVICES.baseUrl() + "/intake-service");
        registry.add("TRIAGE_URL", TRIAGE_ONLY::baseUrl);
        registry.add("COOPERATION_URL", COOPERATION_ONLY::baseUrl);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
        TRIAGE_ONLY.stop();
        COOPERATION_ONLY.stop();
    }

    @BeforeEach
    void reset() {
        SERVICES.resetAll();
        TRIAGE_ONLY.resetAll();
        COOPERATION_ONLY.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        http = new Http(port);
    }

    @Test
    void aUsersNoticesReachTheirServiceAndAStreamOutlivesTheResponseTimeoutWithoutTouchingTheBreaker() {
        TRIAGE_ONLY.stubFor(get(urlPathEqualTo("/api/triage/notifications")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        assertThat(http.get("/api/triage/notifications", REPORTER).status()).as("a filing unit's notices").isEqualTo(200);
        assertThat(http.get("/api/triage/notifications", TestTokens.triageOfficer("MA")).status()).isEqualTo(200);
        assertThat(http.get("/api/triage/notifications", TestTokens.liaison("FR")).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/cases", REPORTER).status()).as("nothing else of triage for a reporter").isEqualTo(403);

        // longer than GATEWAY_RESPONSE_TIMEOUT (1 s here): a stream is not cut, and no breaker counts it
        TRIAGE_ONLY.stubFor(get(urlEqualTo("/api/triage/notifications/stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("event:notice\ndata:{}\n\n").withFixedDelay(2_500)));
        COOPERATION_ONLY.stubFor(get(urlEqualTo("/api/cooperation/notifications/stream")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("event:notice\ndata:{}\n\n").withFixedDelay(2_500)));
        int callsBefore = circuitBreakers.circuitBreaker("triage").getMetrics().getNumberOfBufferedCalls();
        Http.Answer stream = http.get("/api/triage/notifications/stream", REPORTER);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).contains("event:notice");
        assertThat(http.get("/api/cooperation/notifications/stream", TestTokens.liaison("FR")).status()).isEqualTo(200);
        assertThat(http.get("/api/cooperation/notifications/stream", REPORTER).status()).isEqualTo(403);
        assertThat(circuitBreakers.circuitBreaker("triage").getMetrics().getNumberOfBufferedCalls())
                .as("the stream went around the breaker").isEqualTo(callsBefore);
    }

    @Test
    void routesEachApiToItsServiceAndRelaysTheToken() {
        SERVICES.stubFor(get(urlEqualTo("/api/reports?size=5")).willReturn(aResponse().withStatus(200).withBody("intake")));
        TRIAGE_ONLY.stubFor(get(urlEqualTo("/api/triage/cases")).willReturn(aResponse().withStatus(200).withBody("triage")));
        COOPERATION_ONLY.stubFor(get(urlEqualTo("/api/cooperation/requests")).willReturn(aResponse().withStatus(200).withBody("cooperation")));
        String triage = TestTokens.triageOfficer("MA");

        assertThat(http.get("/api/reports?size=5", REPORTER).body()).isEqualTo("intake");
        assertThat(http.get("/api/triage/cases", triage).body()).isEqualTo("triage");
        assertThat(http.get("/api/cooperation/requests", TestTokens.liaison("FR")).body()).isEqualTo("cooperation");
        SERVICES.verify(getRequestedFor(urlEqualTo("/api/reports?size=5")).withHeader("Authorization", equalTo("Bearer " + REPORTER)));
        TRIAGE_ONLY.verify(getRequestedFor(urlEqualTo("/api/triage/cases")).withHeader("Authorization", equalTo("Bearer " + triage)));
    }

    @Test
    void onlyAdministratorsReachTheHandoffAdministration() {
        SERVICES.stubFor(get(urlEqualTo("/api/reports/handoffs")).willReturn(aResponse().withStatus(200).withBody("[]")));
        String admin = TestTokens.user("admin-" + UUID.randomUUID(), List.of("admin"), null, null);

        assertThat(http.get("/api/reports/handoffs", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/reports/handoffs", REPORTER).status()).isEqualTo(403);
        assertThat(http.get("/api/reports/handoffs", TestTokens.triageOfficer("MA")).status()).isEqualTo(403);
        SERVICES.verify(1, getRequestedFor(urlEqualTo("/api/reports/handoffs")));

        TRIAGE_ONLY.stubFor(get(urlEqualTo("/api/triage/escalations")).willReturn(aResponse().withStatus(200).withBody("[]")));
        assertThat(http.get("/api/triage/escalations", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/triage/escalations", TestTokens.triageOfficer("MA")).status()).isEqualTo(403);
        TRIAGE_ONLY.verify(1, getRequestedFor(urlEqualTo("/api/triage/escalations")));
    }

    @Test
    void partnerCallbacksPassWithoutATokenForCooperationToVerifyTheirSignature() {
        COOPERATION_ONLY.stubFor(post(urlEqualTo("/api/cooperation/callbacks/FR")).willReturn(aResponse().withStatus(401)));

        Http.Answer answer = http.post("/api/cooperation/callbacks/FR", null, "{}", Map.of("Signature", "sig1=:AA==:"));

        assertThat(answer.status()).isEqualTo(401);
        COOPERATION_ONLY.verify(1, postRequestedFor(urlEqualTo("/api/cooperation/callbacks/FR")));
        assertThat(http.get("/api/cooperation/callbacks/FR", null).status()).isEqualTo(401);
    }

    @Test
    void nothingElseOfTheServicesIsReachable() {
        for (WireMockServer server : List.of(SERVICES, TRIAGE_ONLY, COOPERATION_ONLY)) {
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("leak")));
        }

        for (String path : List.of("/internal/reports", "/actuator/health", "/actuator/env", "/api/internal/x",
                "/intake-service/api/reports", "/v3/api-docs/../internal")) {
            Http.Answer answer = http.get(path, REPORTER);
            assertThat(answer.status()).as(path).isIn(400, 401, 403, 404);
            assertThat(answer.body()).as(path).doesNotContain("leak");
        }
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
        TRIAGE_ONLY.verify(0, anyRequestedFor(anyUrl()));
        COOPERATION_ONLY.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A request that arrives on a keep-alive connection while the one before is still being answered waits
     * in Reactor Netty's queue; once it is answered at once (a refusal), the connection must go on reading:
     * Reactor Netty 1.3.6 stopped reading there, and the next request on the connection hung until the
     * client gave up (see {@code MalformedRequests#keepReading}).
     */
    @Test
    void aKeepAliveConnectionGoesOnReadingAfterAQueuedRequestIsRefusedAtOnce() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        String slow = "GET /api/reports HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + REPORTER + "\r\n\r\n";
        String refused = "GET /api/reports HTTP/1.1\r\nHost: gateway\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write((slow + refused).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readOne(in).status()).isEqualTo(200);
            assertThat(RawHttp.readOne(in).status()).isEqualTo(401);

            for (int next = 0; next < 3; next++) {
                out.write(refused.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(RawHttp.readOne(in).status()).as("request %d after the queued one", next + 1).isEqualTo(401);
            }
        }
    }

    /**
     * A request sent before the answer to the one before it, saying "Connection: close": both are answered,
     * in order and whole, and the connection closes after the second. (Left to itself, Reactor Netty starts
     * such a request at once and closes the connection when the first answer ends, or in its middle.)
     */
    @Test
    void aPipelinedRequestThatClosesTheConnectionWaitsForTheAnswerBeforeIt() throws Exception {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(300).withHeader("Content-Type", "application/json").withBody("[\"first\"]")));
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports/R-2")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"second\":true}")));
        String first = "GET /api/reports HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + REPORTER + "\r\n\r\n";
        String second = "GET /api/reports/R-2 HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\nAuthorization: Bearer "
                + REPORTER + "\r\n\r\n";

        RawHttp.Reply reply = new RawHttp(port).exchange("127.0.0.1",
                (first + second).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(reply.answers()).extracting(RawHttp.Answer::status).containsExactly(200, 200);
        assertThat(reply.answers()).extracting(RawHttp.Answer::text).containsExactly("[\"first\"]", "{\"second\":true}");
        assertThat(reply.answers()).noneMatch(RawHttp.Answer::cut);
        assertThat(reply.end()).startsWith("closed");
    }

    /** The documentation's pages are served whole, whatever range is asked for, and every answer can be read to its end. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"text/html,*/*;q=0.1", "bytes=99999999-", "bytes=0-9"})
    void servesItsOwnPagesWholeWhateverRangeIsAskedFor(String range) {
        String request = "GET /swagger-ui/index.html HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\nRange: " + range
                + "\r\nIf-Range: \"x\"\r\n\r\n";

        RawHttp.Reply reply = new RawHttp(port).exchange("127.0.0.1", request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(reply.answers()).extracting(RawHttp.Answer::status).containsExactly(200);
        assertThat(reply.answers().getFirst().cut()).isFalse();
        assertThat(reply.answers().getFirst().text()).contains("<html");
    }

    /** Forwarded headers (here from loopback, a trusted proxy) that name no valid host are refused, not a defect. */
    @Test
    void refusesForwardedHeadersThatNameNoValidHost() {
        Http.Answer answer = http.send(http.request("/v3/api-docs/swagger-config", null,
                Map.of("X-Forwarded-Host", "https://evil.example")).GET());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:malformed-request");
    }

    /** No route is a WebSocket: an upgrade asked for on a POST is ignored, and the POST is relayed as one. */
    @Test
    void ignoresAnUpgradeToWebSocket() {
        SERVICES.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        String request = "POST /api/reports HTTP/1.1\r\nHost: gateway\r\nConnection: Upgrade, close\r\nUpgrade: websocket\r\n"
                + "Authorization: Bearer " + REPORTER + "\r\nIdempotency-Key: k-upgrade\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}";

        List<RawHttp.Answer> answers = new RawHttp(port).send("127.0.0.1", request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(201);
        SERVICES.verify(1, postRequestedFor(urlPathEqualTo("/api/reports")).withoutHeader("Upgrade"));
    }

    @Test
    void keepsItsOwnManagementEndpointsOffThePublicPort() {
        Http management = new Http(managementPort);

        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(401);
    }

    /** The scrape needs no token and is served on the management port only (bound to loopback unless deployed). */
    @Test
    void servesThePrometheusScrapeOnTheManagementPortWithEachRoutesRequests() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200).withBody("[]")));
        assertThat(http.get("/api/reports", REPORTER).status()).isEqualTo(200);

        Http.Answer scrape = new Http(managementPort).get("/actuator/prometheus", null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*application=\"gateway\"[^}]*routeId=\"intake\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*le=")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"intake\"")
                .contains("jvm_memory_used_bytes{");
        assertThat(http.get("/actuator/prometheus", null).status()).isIn(401, 404);
    }

    @Test
    void showsTheCircuitBreakersAndHealthDetailsToAdministratorsOnTheManagementPortOnly() {
        // A connection per request on the management port: its server (a child context) does not get the
        // public server's MalformedRequests#keepReading, and a request sent on a keep-alive connection right
        // after an answer given off the event loop (the actuator's) can hang there (Reactor Netty 1.3.6).
        Http management = new Http(managementPort);
        String admin = TestTokens.user("admin-" + UUID.randomUUID(), List.of("admin"), null, null);

        Http.Answer breakers = management.get("/actuator/circuitbreakers", admin);
        assertThat(breakers.status()).as(breakers.body()).isEqualTo(200);
        assertThat(breakers.json().get("circuitBreakers").propertyNames()).contains("intake", "triage", "cooperation");
        assertThat(new Http(managementPort).get("/actuator/circuitbreakers", REPORTER).status()).isEqualTo(403);
        assertThat(new Http(managementPort).get("/actuator/circuitbreakers", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/circuitbreakers", admin).status()).as("not on the public port").isIn(403, 404);

        Http.Answer detailed = new Http(managementPort).get("/actuator/health", admin);
        Http.Answer plain = new Http(managementPort).get("/actuator/health", REPORTER);
        Http.Answer anonymous = new Http(managementPort).get("/actuator/health", null);
        assertThat(detailed.json().has("components")).as(detailed.body()).isTrue();
        assertThat(plain.json().has("components")).as(plain.body()).isFalse();
        assertThat(anonymous.json().has("components")).as(anonymous.body()).isFalse();
        assertThat(anonymous.json().get("status").asString()).isEqualTo("UP");
    }

    static Stream<Arguments> rejectedTokens() {
        return TestTokens.rejected().entrySet().stream().map(token -> Arguments.of(token.getKey(), token.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void refusesBadTokensWith401BeforeAnyServiceIsCalled(String kind, String token) {
        Http.Answer answer = http.get("/api/reports", token);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:unauthenticated");
        SERVICES.verify(0, anyRequestedFor(urlPathEqualTo("/api/reports")));
    }

    @Test
    void refusesARoleThatTheRouteDoesNotAllowWith403() {
        assertThat(http.get("/api/reports", TestTokens.liaison("FR")).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/cases", REPORTER).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/cases", TestTokens.user("admin-t", List.of("admin"), null, null)).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/requests", REPORTER).status()).isEqualTo(403);
        Http.Answer answer = http.get("/api/reports", TestTokens.user("admin", List.of("admin"), null, null));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:forbidden");
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        Http.Answer answer = http.post("/api/reports", REPORTER, "x".repeat(70_000), Map.of("Idempotency-Key", "k-413-000"));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:payload-too-large");
        SERVICES.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void limitsEachCallerAndAnswers429WithRetryAfter() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)));
        String flooder = TestTokens.user("flooder", List.of("reporter"), "MA", "casablanca-cyber");
        String other = TestTokens.user("patient", List.of("reporter"), "MA", "casablanca-cyber");

        List<Http.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(http.get("/api/reports", flooder));
        }

        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(20);
        Http.Answer limited = answers.getLast();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
        assertThat(limited.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:rate-limited");
        assertThat(http.get("/api/reports", other).status()).isEqualTo(200);
    }

    @Test
    void answersWithTheServicesFallbackWhenItIsUnavailable() {
        TRIAGE_ONLY.stubFor(get(urlPathEqualTo("/api/triage/cases")).willReturn(aResponse().withStatus(503)));

        Http.Answer answer = http.get("/api/triage/cases", TestTokens.triageOfficer("MA"));

        assertServiceUnavailable(answer, "triage");
    }

    @Test
    void passesAServicesOwn500ThroughAsTheAnswerToThatRequest() {
        TRIAGE_ONLY.stubFor(get(urlPathEqualTo("/api/triage/cases")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"urn:cyberreport:problem:internal\"}")));

        Http.Answer answer = http.get("/api/triage/cases", TestTokens.triageOfficer("MA"));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:internal");
        assertThat(circuitBreakers.circuitBreaker("triage").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void answersWithTheFallbackWhenTheConnectionIsReset() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertServiceUnavailable(http.get("/api/reports", REPORTER), "intake");
    }

    @Test
    void answersWithTheFallbackWhenTheServiceIsTooSlow() {
        COOPERATION_ONLY.stubFor(get(urlPathEqualTo("/api/cooperation/requests")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3_000)));
        long start = System.nanoTime();

        Http.Answer answer = http.get("/api/cooperation/requests", TestTokens.liaison("FR"));

        assertServiceUnavailable(answer, "cooperation");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void retriesAGetOnAnUnavailableService() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(503)));

        assertServiceUnavailable(http.get("/api/reports", REPORTER), "intake");
        SERVICES.verify(3, getRequestedFor(urlPathEqualTo("/api/reports")));
    }

    @Test
    void sendsAPostDownstreamExactlyOnceEvenWhenItFails() {
        for (var failure : List.of(aResponse().withStatus(503), aResponse().withStatus(502),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(201).withFixedDelay(3_000))) {
            SERVICES.resetAll();
            SERVICES.stubFor(post(urlPathEqualTo("/api/reports")).willReturn(failure));

            Http.Answer answer = http.post("/api/reports", REPORTER, "{}", Map.of("Idempotency-Key", "k-once-0001"));

            assertServiceUnavailable(answer, "intake");
            assertThat(answer.json().get("detail").asString()).contains("same Idempotency-Key");
            SERVICES.verify(1, postRequestedFor(urlPathEqualTo("/api/reports")));
        }
    }

    @Test
    void passesTheCorrelationIdDownstreamAndBack() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)));

        Http.Answer given = http.send(http.request("/api/reports", REPORTER, Map.of("X-Correlation-Id", "case-7.a")).GET());
        Http.Answer generated = http.get("/api/reports", REPORTER);

        assertThat(given.header("X-Correlation-Id")).isEqualTo("case-7.a");
        String id = generated.header("X-Correlation-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/reports")).withHeader("X-Correlation-Id", equalTo("case-7.a")));
        SERVICES.verify(getRequestedFor(urlPathEqualTo("/api/reports")).withHeader("X-Correlation-Id", equalTo(id)));
        assertThat(http.get("/api/reports", null).header("X-Correlation-Id")).isNotBlank();
    }

    /**
     * Traces start at the gateway: a caller's trace context is neither continued nor passed on; the
     * service receives the gateway's own, whose trace id the answer names.
     */
    @Test
    void startsTheTraceItselfWhateverTraceContextTheCallerSends() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)));
        String callers = "0af7651916cd43dd8448eb211c80319c";

        Http.Answer answer = http.send(http.request("/api/reports", REPORTER, Map.of(
                "traceparent", "00-" + callers + "-b7ad6b7169203331-01", "tracestate", "vendor=chosen-by-caller",
                "baggage", "user=someone-else", "X-B3-TraceId", callers)).GET());

        assertThat(answer.status()).isEqualTo(200);
        String traceId = answer.header("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo(callers);
        var received = SERVICES.findAll(getRequestedFor(urlPathEqualTo("/api/reports")));
        assertThat(received).hasSize(1);
        var headers = received.get(0).getHeaders();
        assertThat(headers.getHeader("traceparent").firstValue()).startsWith("00-" + traceId + "-");
        assertThat(headers.getHeader("tracestate").isPresent()).isFalse();
        assertThat(headers.getHeader("baggage").isPresent()).isFalse();
        assertThat(headers.getHeader("X-B3-TraceId").isPresent()).isFalse();
    }

    @Test
    void setsSecurityHeadersOnEveryResponse() {
        SERVICES.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)));

        for (Http.Answer answer : List.of(http.get("/api/reports", REPORTER), http.get("/api/reports", null))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void allowsCrossOriginCallsFromTheConsoleOnly() {
        Http.Answer console = preflight("http://localhost:5173");
        Http.Answer stranger = preflight("https://evil.example");

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void showsTheOpenApiDocumentsOfAllThreeServices() {
        Map<String, WireMockServer> servers = Map.of("intake", SERVICES, "triage", TRIAGE_ONLY, "cooperation", COOPERATION_ONLY);
        servers.forEach((service, server) -> server.stubFor(get(urlEqualTo("/v3/api-docs")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"service\":\"" + service + "\"}"))));
        for (String service : servers.keySet()) {
            Http.Answer document = http.get("/api-docs/" + service, null);
            assertThat(document.status()).as(service).isEqualTo(200);
            assertThat(document.body()).as("each document comes from its own service").contains("\"" + service + "\"");
        }
        Http.Answer page = http.get("/swagger-ui/index.html", null);
        Http.Answer config = http.get("/v3/api-docs/swagger-config", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api-docs/intake", "/api-docs/triage", "/api-docs/cooperation");
    }

    private Http.Answer preflight(String origin) {
        return http.send(http.request("/api/reports", null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertServiceUnavailable(Http.Answer answer, String service) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:service-unavailable");
        assertThat(answer.json().get("service").asString()).isEqualTo(service);
    }
}
