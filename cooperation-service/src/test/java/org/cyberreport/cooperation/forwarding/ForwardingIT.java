package org.cyberreport.cooperation.forwarding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.SignatureVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Forwarding to foreign endpoints stood in for by WireMock: one healthy, one failing with 500, one
 * slow, one resetting connections, one redirecting inside. Nothing is lost, each failing country's
 * breaker opens on its own, the healthy one keeps receiving, and no redirect is followed.
 */
@TestPropertySource(properties = {
        "cyberreport.cooperation.forwarding.poll-interval=100ms",
        "cyberreport.cooperation.forwarding.timeout=1s",
        "cyberreport.cooperation.forwarding.first-backoff=100ms",
        "cyberreport.cooperation.forwarding.max-backoff=300ms",
        "cyberreport.cooperation.forwarding.max-attempts=1000"})
class ForwardingIT extends CooperationIT {

    static final WireMockServer ABROAD = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        ABROAD.start();
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    BulkheadRegistry bulkheads;

    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void stopAbroad() {
        ABROAD.stop();
    }

    @BeforeEach
    void configureCountries() {
        ABROAD.resetAll();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        ABROAD.stubFor(post("/fr").willReturn(aResponse().withStatus(202)));
        ABROAD.stubFor(post("/de").willReturn(aResponse().withStatus(500)));
        ABROAD.stubFor(post("/it").willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));
        ABROAD.stubFor(post("/es").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // PT is down: nothing listens on its port (port 1 on loopback refuses at once).
        ABROAD.stubFor(post("/nl").willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + ABROAD.port() + "/internal-target")));
        put("/api/cooperation/directory/PT", ADMIN, "{\"delivery\":\"PUSH\",\"endpoint\":\"http://127.0.0.1:1/pt\"}");
        for (String country : List.of("FR", "DE", "IT", "ES", "NL")) {
            var saved = put("/api/cooperation/directory/" + country, ADMIN, "{\"delivery\":\"PUSH\",\"endpoint\":\""
                    + "http://127.0.0.1:" + ABROAD.port() + "/" + country.toLowerCase() + "\"}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
    }

    @Test
    void aFailingCountryDelaysNoOtherAndNothingIsLost() {
        List<String> failing = new ArrayList<>();
        for (String country : List.of("DE", "IT", "ES", "NL", "PT")) {
            for (int i = 0; i < 3; i++) {
                failing.add(send(country));
            }
        }
        List<String> french = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            french.add(send("FR"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> french.stream().allMatch(id -> "DELIVERED".equals(state(id))));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                breakers.circuitBreaker("country-DE", "foreign").getState() == CircuitBreaker.State.OPEN);
        String afterTheBreakerOpened = send("FR");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(afterTheBreakerOpened)));

        assertThat(breakers.circuitBreaker("country-FR", "foreign").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(failing).allSatisfy(id -> assertThat(state(id)).isIn("PENDING", "PARKED"));
        assertThat(mongo.count(new Query(), "requests")).isEqualTo(19);
        ABROAD.verify(0, anyRequestedFor(urlEqualTo("/internal-target")));
        ABROAD.verify(4, postRequestedFor(urlEqualTo("/fr")));
    }

    @Test
    void aHangingCountrysRequestsAreLeftUnclaimedWhileItsBreakerIsOpenAndDeliveredOnceItAnswers() throws Exception {
        ABROAD.stubFor(post("/at").willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));
        put("/api/cooperation/directory/AT", ADMIN, "{\"delivery\":\"PUSH\",\"endpoint\":\"http://127.0.0.1:"
                + ABROAD.port() + "/at\"}");
        List<String> austrian = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            austrian.add(send("AT"));
        }
        CircuitBreaker breaker = breakers.circuitBreaker("country-AT", "foreign");
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                bulkheads.bulkhead("country-AT", "foreign").getMetrics().getAvailableConcurrentCalls() == 4);
        // a claim made as the breaker opened is put back: then none of them is leased
        await().atMost(Duration.ofSeconds(5)).until(() ->
                austrian.stream().map(this::forwarding).noneMatch(forwarding -> forwarding.get("leaseOwner") != null));
        List<Document> waiting = austrian.stream().map(this::forwarding).toList();
        double heldBack = heldBack();
        int calls = ABROAD.findAll(postRequestedFor(urlEqualTo("/at"))).size();

        String french = send("FR");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(french)));
        // neither claimed nor rewritten over fifteen polls
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5))
                .until(() -> austrian.stream().map(this::forwarding).toList().equals(waiting));
        assertThat(waiting).allSatisfy(forwarding -> assertThat(forwarding.getString("state")).isEqualTo("PENDING"));
        assertThat(heldBack()).as("nothing claimed and held back").isEqualTo(heldBack);
        ABROAD.verify(calls, postRequestedFor(urlEqualTo("/at")));

        ABROAD.stubFor(post("/at").willReturn(aResponse().withStatus(202)));
        breaker.transitionToHalfOpenState(); // as the breaker does by itself after its open period
        await().atMost(Duration.ofSeconds(20)).until(() -> austrian.stream().allMatch(id -> "DELIVERED".equals(state(id))));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private double heldBack() {
        var counter = meters.find("outbox.delivery.attempts").tag("outbox", "foreign").tag("outcome", "held-back").counter();
        return counter == null ? 0 : counter.count();
    }

    private Document forwarding(String id) {
        return mongo.findById(id, Document.class, "requests").get("forwarding", Document.class);
    }

    @Test
    void aParkedDeliveryIsListedForTheAdministratorAndRedriven() {
        String id = send("DE");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("forwarding.state", "PARKED").set("forwarding.attempts", 12).unset("forwarding.leaseOwner")
                .unset("forwarding.leaseUntil"), "requests");

        var parked = http.get("/api/cooperation/forwarding?state=PARKED", ADMIN);
        var notForLiaisons = http.get("/api/cooperation/forwarding", LIAISON_FR);
        ABROAD.stubFor(post("/de").willReturn(aResponse().withStatus(202)));
        var redriven = http.post("/api/cooperation/forwarding/" + id + "/redrive", ADMIN, "");

        assertThat(parked.json().findValuesAsString("requestId")).contains(id);
        assertThat(parked.body()).doesNotContain("victims", "questions");
        assertThat(notForLiaisons.status()).isEqualTo(403);
        assertThat(redriven.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(state(id)));
    }

    @Test
    void whatIsSentIsSignedMinimisedAndRecordedAsADisclosure() throws Exception {
        String id = send("FR");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(id)));

        LoggedRequest received = ABROAD.findAll(postRequestedFor(urlEqualTo("/fr"))).getFirst();
        String publicKey = http.get("/api/cooperation/signing-key", ADMIN).json().get("publicKey").asString();
        SignatureVerifier.verify(received, publicKey, Instant.now());

        JsonNode payload = Http.JSON.readTree(received.getBodyAsString());
        assertThat(payload.get("requestId").asString()).isEqualTo(id);
        assertThat(payload.get("handling").get("tlp").asString()).isEqualTo("AMBER");
        assertThat(payload.get("content").get("victims")).as("an information request carries no victim data").isEmpty();
        assertThat(payload.get("callbackUrl").asString()).endsWith("/api/cooperation/callbacks/FR");
        Document disclosure = mongo.findOne(Query.query(Criteria.where("resourceId").is(id)
                .and("action").is("REQUEST_DISCLOSED")), Document.class, "audit_log");
        assertThat(disclosure.get("details", Document.class)).containsEntry("recipient", "FR")
                .containsEntry("victimData", "false").containsEntry("legalBasis", "INTERPOL police cooperation between National Central Bureaus Rules on the Processing of Data, Art. 10");
    }

    @Test
    void theIndependentVerifierRefusesAStaleSignature() throws Exception {
        String id = send("FR");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(id)));
        LoggedRequest received = ABROAD.findAll(postRequestedFor(urlEqualTo("/fr"))).getFirst();
        String publicKey = http.get("/api/cooperation/signing-key", ADMIN).json().get("publicKey").asString();

        AssertionError stale = assertThrows(AssertionError.class,
                () -> SignatureVerifier.verify(received, publicKey, Instant.now().plus(Duration.ofMinutes(10))));
        assertThat(stale).hasMessageContaining("recent");
    }

    /** The request abroad carries the trace of the request that created it (a random id, outside the signature). */
    @Test
    void theDeliveryAbroadContinuesTheTraceOfTheRequestThatCreatedIt() {
        String traceId = "5b8efff798038103d269b633813fc60c";
        var answer = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true),
                java.util.Map.of("traceparent", "00-" + traceId + "-eee19b7ec3c1b174-01"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String id = answer.json().get("id").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(state(id)));

        LoggedRequest received = ABROAD.findAll(postRequestedFor(urlEqualTo("/fr"))).getFirst();
        assertThat(received.getHeader("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(received.getHeader("Signature-Input")).doesNotContain("traceparent");
    }

    private String send(String country) {
        var answer = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo(country, true));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private String state(String id) {
        Document request = mongo.findById(id, Document.class, "requests");
        Document forwarding = request.get("forwarding", Document.class);
        return forwarding == null ? null : forwarding.getString("state");
    }
}
