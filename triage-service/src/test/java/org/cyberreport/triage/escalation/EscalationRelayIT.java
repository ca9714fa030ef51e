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
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.CaseworkIT;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.cyberreport.triage.casework.desk.HeldEscalations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** An escalation is relayed to cooperation, with triage's token, durably: a failure is retried. */
@TestPropertySource(properties = {"cyberreport.relay.first-backoff=20ms", "cyberreport.relay.max-backoff=50ms",
        "cyberreport.relay.max-attempts=3",
        // The breaker stays closed here: while open it holds deliveries back, which never parks them.
        "resilience4j.circuitbreaker.instances.cooperation.minimum-number-of-calls=1000",
        "cyberreport.service-client.client-secret=test-secret"})
class EscalationRelayIT extends TriageIT {

    static final WireMockServer COOPERATION = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        COOPERATION.start();
    }

    @Autowired
    OutboxRelay escalationRelay;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    HeldEscalations heldEscalations;

    @Autowired
    ServiceTokens tokens;

    @DynamicPropertySource
    static void cooperation(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.relay.cooperation-url", COOPERATION::baseUrl);
        registry.add("cyberreport.service-client.token-uri", () -> COOPERATION.baseUrl() + "/token");
    }

    private static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);

    @AfterAll
    static void stop() {
        COOPERATION.stop();
    }

    @BeforeEach
    void resetCooperation() {
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        COOPERATION.resetAll();
        COOPERATION.stubFor(post("/token").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"triage-token\",\"expires_in\":300}")));
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

    @Test
    void whileCooperationsBreakerIsOpenNoEscalationIsClaimedOrRewrittenAndItGoesOnceItHalfOpens() {
        COOPERATION.stubFor(post(CooperationDelivery.PATH).willReturn(aResponse().withStatus(200)));
        CircuitBreaker breaker = breakers.circuitBreaker("cooperation");
        breaker.transitionToOpenState();
        deliver(Fixtures.aHandoff("breaker-open", 1, "MA", CaseworkIT.goldenHourFraud()));
        String escalation = http.post("/api/triage/cases/breaker-open/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();
        Document before = mongo.findById(escalation, Document.class, "escalations");

        for (int i = 0; i < 5; i++) {
            assertThat(escalationRelay.drain()).isZero();
        }

        assertThat(before.get("handoff", Document.class).getString("state")).isEqualTo("PENDING");
        assertThat(mongo.findById(escalation, Document.class, "escalations")).as("neither claimed nor rewritten")
                .isEqualTo(before);
        COOPERATION.verify(0, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));

        breaker.transitionToHalfOpenState();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "DELIVERED".equals(state(escalation));
        });
        COOPERATION.verify(1, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
    }

    @Test
    void anEscalationLeftHeldByACrashIsSentWhenItsCaseRecordsItAndCancelledWhenNot() {
        COOPERATION.stubFor(post(CooperationDelivery.PATH).willReturn(aResponse().withStatus(200)));
        deliver(Fixtures.aHandoff("held-recorded", 1, "MA", CaseworkIT.goldenHourFraud()));
        deliver(Fixtures.aHandoff("held-unrecorded", 1, "MA", CaseworkIT.goldenHourFraud()));
        String recorded = http.post("/api/triage/cases/held-recorded/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();
        assertThat(state(recorded)).isEqualTo("PENDING");
        // as a crash would leave them: one recorded by its case but not yet released, one never recorded
        Date twoMinutesAgo = Date.from(Instant.now().minus(Duration.ofMinutes(2)));
        mongo.updateFirst(query(where("_id").is(recorded)), new Update().set("handoff.state", "HELD")
                .set("handoff.nextAttemptAt", twoMinutesAgo), "escalations");
        Document unrecorded = mongo.findById(recorded, Document.class, "escalations");
        unrecorded.put("_id", "never-recorded");
        unrecorded.put("escalationId", "never-recorded");
        unrecorded.put("caseId", "held-unrecorded");
        mongo.insert(unrecorded, "escalations");
        escalationRelay.drain();
        COOPERATION.verify(0, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));

        assertThat(heldEscalations.settleLeftBehind()).isEqualTo(2);

        assertThat(state("never-recorded")).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "DELIVERED".equals(state(recorded));
        });
        COOPERATION.verify(1, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
        assertThat(state("never-recorded")).isEqualTo("CANCELLED");
    }

    @Test
    void aHeldEscalationYoungerThanAMinuteIsLeftToTheDeskThatIsWritingIt() {
        deliver(Fixtures.aHandoff("held-young", 1, "MA", CaseworkIT.goldenHourFraud()));
        String escalation = http.post("/api/triage/cases/held-young/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();
        mongo.updateFirst(query(where("_id").is(escalation)), new Update().set("handoff.state", "HELD"), "escalations");

        assertThat(heldEscalations.settleLeftBehind()).isZero();
        assertThat(state(escalation)).isEqualTo("HELD");
    }

    @Test
    void aClosedCaseRefusesAnEscalationAndNothingIsSent() {
        deliver(Fixtures.aHandoff("closed-first", 1, "MA", CaseworkIT.goldenHourFraud()));
        assertThat(http.post("/api/triage/cases/closed-first/closure", TRIAGE_MA,
                "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"Handled by the bank\"}").status()).isEqualTo(200);

        Http.Answer refused = http.post("/api/triage/cases/closed-first/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(mongo.count(query(where("caseId").is("closed-first").and("handoff.state").in("PENDING", "HELD")),
                "escalations")).isZero();
    }

    @Test
    void parksAfterTheConfiguredAttemptsAndAnAdministratorRedrivesIt() {
        COOPERATION.stubFor(post(CooperationDelivery.PATH).willReturn(aResponse().withStatus(503)));
        deliver(Fixtures.aHandoff("to-park", 1, "MA", CaseworkIT.goldenHourFraud()));
        String escalation = http.post("/api/triage/cases/to-park/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "PARKED".equals(state(escalation));
        });
        // Each of the three attempts may retry within itself.
        assertThat(COOPERATION.findAll(postRequestedFor(urlEqualTo(CooperationDelivery.PATH)))).hasSizeGreaterThanOrEqualTo(3);

        Http.Answer parked = http.get("/api/triage/escalations?state=PARKED", ADMIN);
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.json().size()).isEqualTo(1);
        assertThat(parked.json().get(0).get("escalationId").asString()).isEqualTo(escalation);
        assertThat(parked.json().get(0).get("destinationCountry").asString()).isEqualTo("FR");
        assertThat(parked.json().get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(parked.json().get(0).get("lastError").asString()).contains("503");
        assertThat(parked.json().get(0).has("content")).isFalse();
        assertThat(http.get("/api/triage/escalations", TRIAGE_MA).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/escalations?limit=501", ADMIN).status()).isEqualTo(400);
        assertThat(http.get("/api/triage/escalations?state=LOST", ADMIN).status()).isEqualTo(400);

        resetCooperation();
        COOPERATION.stubFor(post(CooperationDelivery.PATH).willReturn(aResponse().withStatus(200)));
        Http.Answer redriven = http.post("/api/triage/escalations/" + escalation + "/redrive", ADMIN, "");
        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("attempts").asInt()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "DELIVERED".equals(state(escalation));
        });
        COOPERATION.verify(1, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
        assertThat(http.post("/api/triage/escalations/" + escalation + "/redrive", ADMIN, "").status()).isEqualTo(404);
        assertThat(mongo.count(new Query(where("action").is("ESCALATION_REDRIVEN").and("resourceId").is(escalation)),
                "audit_log")).isEqualTo(1);
    }

    @Test
    void whileKeycloakIsDownEscalationsWaitAndAreNeitherCountedAgainstCooperationNorParked() {
        COOPERATION.resetAll();
        COOPERATION.stubFor(post("/token").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        tokens.invalidate();
        deliver(Fixtures.aHandoff("no-token", 1, "MA", CaseworkIT.goldenHourFraud()));
        String escalation = http.post("/api/triage/cases/no-token/escalations", TRIAGE_MA,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Funds moving\"}")
                .json().get("escalationId").asString();

        // More rounds than max-attempts (3), each asking Keycloak three times.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            escalationRelay.drain();
            return COOPERATION.findAll(postRequestedFor(urlEqualTo("/token"))).size() >= 12;
        });

        Document handoff = mongo.findById(escalation, Document.class, "escalations").get("handoff", Document.class);
        assertThat(handoff.getString("state")).isEqualTo("PENDING");
        assertThat(handoff.getInteger("attempts")).isZero();
        assertThat(handoff.getString("lastError")).contains("no service token");
        COOPERATION.verify(0, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
        assertThat(breakers.circuitBreaker("cooperation").getMetrics().getNumberOfFailedCalls()).isZero();

        resetCooperation();
        COOPERATION.stubFor(post(CooperationDelivery.PATH).willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            escalationRelay.drain();
            return "DELIVERED".equals(state(escalation));
        });
        COOPERATION.verify(1, postRequestedFor(urlEqualTo(CooperationDelivery.PATH)));
    }

    private String state(String escalation) {
        return mongo.findById(escalation, Document.class, "escalations").get("handoff", Document.class).getString("state");
    }
}
