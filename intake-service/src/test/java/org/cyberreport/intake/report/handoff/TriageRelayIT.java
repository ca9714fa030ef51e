package org.cyberreport.intake.report.handoff;

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

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.outbox.OutboxSettings;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay against WireMock standing in for triage and for Keycloak's token endpoint. The tests
 * drive the relay's cycles themselves ({@code drain}), the same code the background poller runs.
 */
@TestPropertySource(properties = {
        "cyberreport.relay.concurrency=1", // the tests drive the cycles and look at each delivery's outcome at once
        "cyberreport.relay.max-attempts=3",
        "cyberreport.relay.first-backoff=20ms",
        "cyberreport.relay.max-backoff=100ms",
        "cyberreport.relay.lease=1s",
        "cyberreport.relay.read-timeout=1s",
        "cyberreport.service-client.client-secret=test-secret"})
class TriageRelayIT extends IntakeIT {

    static final WireMockServer TRIAGE = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        TRIAGE.start();
    }

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);

    @Autowired
    OutboxRelay relay;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RetryRegistry retries;

    @Autowired
    ServiceTokens tokens;

    @DynamicPropertySource
    static void triage(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.relay.triage-url", TRIAGE::baseUrl);
        registry.add("cyberreport.service-client.token-uri", () -> TRIAGE.baseUrl() + "/token");
    }

    @AfterAll
    static void stopTriage() {
        TRIAGE.stop();
    }

    @BeforeEach
    void resetTriage() {
        TRIAGE.resetAll();
        TRIAGE.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"service-token\",\"expires_in\":300}")));
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        tokens.invalidate();
    }

    @Test
    void deliversDespite500ResetAndTimeoutExactlyOnceInEffect() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("reset"));
        TRIAGE.stubFor(post(TriageDelivery.PATH).inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
        TRIAGE.stubFor(post(TriageDelivery.PATH).inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)).willSetStateTo("healthy"));
        TRIAGE.stubFor(post(TriageDelivery.PATH).inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(aResponse().withStatus(200)));
        String id = fileReport();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.drain();
            return "DELIVERED".equals(handoff(id).getString("state"));
        });

        TRIAGE.verify(4, postRequestedFor(urlEqualTo(TriageDelivery.PATH)));
        TRIAGE.verify(postRequestedFor(urlEqualTo(TriageDelivery.PATH))
                .withHeader("Authorization", equalTo("Bearer service-token"))
                .withRequestBody(matchingJsonPath("$.reportId", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.version", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.content.category", equalTo("ONLINE_FRAUD"))));
        TRIAGE.verify(1, postRequestedFor(urlEqualTo("/token")));
        assertThat(handoff(id).getInteger("attempts")).isEqualTo(1);
        assertThat(handoff(id).get("leaseOwner")).isNull();
    }

    @Test
    void parksAfterTheConfiguredAttemptsAndAnAdministratorRedrivesIt() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(400).withBody("bad")));
        String id = fileReport();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            relay.drain();
            return "PARKED".equals(handoff(id).getString("state"));
        });
        Http.Answer parked = http.get("/api/reports/handoffs?state=PARKED", ADMIN);
        Http.Answer notForReporters = http.get("/api/reports/handoffs", REPORTER);

        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.json().get(0).get("reportId").asString()).isEqualTo(id);
        assertThat(parked.json().get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.json().get(0).get("lastError").asString()).contains("400");
        assertThat(parked.body()).doesNotContain("narrative", "victims");
        assertThat(notForReporters.status()).isEqualTo(403);

        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        Http.Answer redriven = http.post("/api/reports/handoffs/" + id + "/redrive", ADMIN, "");
        relay.drain();

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(handoff(id).getString("state")).isEqualTo("DELIVERED");
        assertThat(http.post("/api/reports/handoffs/" + id + "/redrive", ADMIN, "").status()).isEqualTo(404);
        assertThat(mongo.count(Query.query(Criteria.where("resourceId").is(id).and("action").is("HANDOFF_REDRIVEN")),
                "audit_log")).isEqualTo(1);
        // written with the re-drive, then moved into the trail: nothing left in the report
        assertThat(mongo.findById(id, org.bson.Document.class, "reports").getList("pendingAudit", Object.class,
                java.util.List.of())).isEmpty();
    }

    @Test
    void anotherInstanceTakesOverTheClaimOfACrashedOneWhenItsLeaseEnds() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        String id = fileReport();
        OutboxRelay crashed = secondInstance();
        OutboxRelay survivor = secondInstance();

        assertThat(crashed.claim()).isPresent();
        assertThat(survivor.drain()).as("the lease still holds").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> survivor.drain() == 1);

        assertThat(handoff(id).getString("state")).isEqualTo("DELIVERED");
        TRIAGE.verify(1, postRequestedFor(urlEqualTo(TriageDelivery.PATH)));
    }

    @Test
    void amendmentsAndWithdrawalsTravelTheSameWay() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        String id = fileReport();
        relay.drain();
        http.post("/api/reports/" + id + "/amendments", REPORTER, "{\"reason\":\"typo\",\"narrative\":\"Corrected.\"}");
        relay.drain();
        http.post("/api/reports/" + id + "/withdrawal", REPORTER, "{\"reason\":\"duplicate\"}");
        relay.drain();

        TRIAGE.verify(postRequestedFor(urlEqualTo(TriageDelivery.PATH)).withRequestBody(matchingJsonPath("$.version", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.content.narrative", equalTo("Corrected."))));
        TRIAGE.verify(postRequestedFor(urlEqualTo(TriageDelivery.PATH)).withRequestBody(matchingJsonPath("$.version", equalTo("3")))
                .withRequestBody(matchingJsonPath("$.status", equalTo("WITHDRAWN"))));
        assertThat(handoff(id).getLong("version")).isEqualTo(3L);
        assertThat(handoff(id).getString("state")).isEqualTo("DELIVERED");
    }

    @Test
    void whileTriagesBreakerIsOpenNoHandoffIsClaimedOrRewrittenAndAllGoOnceItHalfOpens() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        CircuitBreaker breaker = breakers.circuitBreaker("triage");
        breaker.transitionToOpenState();
        String first = fileReport();
        String second = fileReport();
        Document before = mongo.findById(first, Document.class, "reports");
        double heldBack = heldBackAttempts();

        for (int i = 0; i < 5; i++) {
            assertThat(relay.drain()).isZero();
        }

        assertThat(mongo.findById(first, Document.class, "reports")).as("neither claimed nor rewritten").isEqualTo(before);
        assertThat(handoff(second).get("leaseOwner")).isNull();
        assertThat(heldBackAttempts()).isEqualTo(heldBack);
        TRIAGE.verify(0, postRequestedFor(urlEqualTo(TriageDelivery.PATH)));

        breaker.transitionToHalfOpenState();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            relay.drain();
            return "DELIVERED".equals(handoff(first).getString("state")) && "DELIVERED".equals(handoff(second).getString("state"));
        });
        assertThat(handoff(first).getInteger("attempts")).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private double heldBackAttempts() {
        var counter = meters.find("outbox.delivery.attempts").tag("outbox", "triage").tag("outcome", "held-back").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The hand-off keeps the trace context of the filing, and its later delivery carries it to triage
     * (W3C traceparent), so the filing and the case's opening are one trace.
     */
    @Test
    void theDeliveryContinuesTheTraceOfTheFiling() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Http.Answer filed = http.post("/api/reports", REPORTER, example("online-fraud"), java.util.Map.of(
                "Idempotency-Key", java.util.UUID.randomUUID().toString(),
                "traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        assertThat(filed.status()).isEqualTo(201);
        String stored = handoff(filed.json().get("id").asString()).getString("traceparent");
        assertThat(stored).matches("00-" + traceId + "-[0-9a-f]{16}-01");

        relay.drain();

        TRIAGE.verify(1, postRequestedFor(urlEqualTo(TriageDelivery.PATH))
                .withHeader("traceparent", com.github.tomakehurst.wiremock.client.WireMock.matching("00-" + traceId + "-[0-9a-f]{16}-01")));
    }

    @Test
    void publishesDeliveryMetricsToAdministrators() {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200)));
        fileReport();
        relay.drain();

        Http.Answer attempts = management.get("/actuator/metrics/outbox.delivery.attempts?tag=outcome:delivered", ADMIN);
        Http.Answer delay = management.get("/actuator/metrics/outbox.handoff.delay", ADMIN);
        Http.Answer pending = management.get("/actuator/metrics/outbox.handoffs?tag=state:pending", ADMIN);

        assertThat(attempts.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(delay.json().get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(pending.status()).isEqualTo(200);
        assertThat(management.get("/actuator/metrics/outbox.handoffs", REPORTER).status()).isEqualTo(403);
    }

    /**
     * Two instances relaying the same outbox at once (as two replicas of intake do): each hand-off is claimed
     * under one lease and delivered once, none twice, none left behind. On a real MongoDB with the profile
     * real-mongodb, this is the lease under two instances on the real store.
     */
    @Test
    void twoInstancesRelayingAtOnceDeliverEachHandoffOnce() throws Exception {
        TRIAGE.stubFor(post(TriageDelivery.PATH).willReturn(aResponse().withStatus(200).withFixedDelay(30)));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(fileReport());
        }
        OutboxRelay first = secondInstance(Duration.ofSeconds(30));
        OutboxRelay second = secondInstance(Duration.ofSeconds(30));
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> runs = List.of(first, second).stream().map(instance -> both.submit(() -> {
                for (int pass = 0; pass < 200 && delivered.get() < ids.size(); pass++) {
                    delivered.addAndGet(instance.drain());
                }
            })).<java.util.concurrent.Future<?>>map(run -> run).toList();
            for (var run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            both.shutdownNow();
        }
        relay.drain(); // the service's own instance may have taken some too: all are delivered once anyway

        for (String id : ids) {
            assertThat(handoff(id).getString("state")).as(id).isEqualTo("DELIVERED");
            TRIAGE.verify(1, postRequestedFor(urlEqualTo(TriageDelivery.PATH))
                    .withRequestBody(matchingJsonPath("$.reportId", equalTo(id))));
        }
        TRIAGE.verify(ids.size(), postRequestedFor(urlEqualTo(TriageDelivery.PATH)));
    }

    private OutboxRelay secondInstance() {
        return secondInstance(Duration.ofSeconds(1));
    }

    private OutboxRelay secondInstance(Duration lease) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(Duration.ofSeconds(2));
        TriageDelivery delivery = new TriageDelivery(mongo.getConverter(),
                RestClient.builder().requestFactory(new BufferingClientHttpRequestFactory(requests)).baseUrl(TRIAGE.baseUrl()).build(), tokens,
                retries.retry("triage"), breakers.circuitBreaker("triage"));
        OutboxSettings settings = new OutboxSettings("triage-test", "reports", "handoff", lease, 3,
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(100), 10);
        return new OutboxRelay(mongo, settings, delivery, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private String fileReport() {
        Http.Answer filed = file(REPORTER, example("online-fraud"));
        assertThat(filed.status()).isEqualTo(201);
        return filed.json().get("id").asString();
    }

    private Document handoff(String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "reports").get("handoff", Document.class);
    }
}
