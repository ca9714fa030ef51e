package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two gateways (two Spring contexts on their own ports, as two replicas) share one real Redis server on
 * loopback: a caller's requests split across both are limited as one caller's (10 a minute here), and so
 * are an address's refusals (5 a minute), malformed requests included. Then Redis is stopped: both limits
 * still hold, each gateway counting in process (no 5xx, no request let through unlimited), the fallback
 * is counted in a metric and the breaker opens; once Redis is back, the budget is shared again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final String PASSWORD = "test-redis-secret";
    private static final int CALLER_LIMIT = 10;
    private static final int REFUSAL_LIMIT = 5;

    static RedisServer redis;
    static WireMockServer intake;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static RawHttp one;
    static RawHttp two;
    /** Decisions taken in process before the tests began (see {@link #start}). */
    static double fallbacksAtStart;

    @BeforeAll
    static void start() {
        redis = RedisServer.start(PASSWORD);
        intake = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        intake.start();
        intake.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        first = gateway();
        second = gateway();
        one = new RawHttp(port(first));
        two = new RawHttp(port(second));
        // Each gateway opens its Redis connection on first use; on a loaded machine that first decision may
        // outlast the time limit and be taken in process, which is what the fallback is for. The tests count
        // decisions on open connections.
        answer(one, "127.0.0.50", TestTokens.user("reporter-warm-up-1", List.of("reporter"), "MA", "casablanca-cyber"));
        answer(two, "127.0.0.50", TestTokens.user("reporter-warm-up-2", List.of("reporter"), "MA", "casablanca-cyber"));
        fallbacksAtStart = fallbacks(first) + fallbacks(second);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {first, second}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (intake != null) {
            intake.stop();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    @Order(1)
    void limitsOneCallersRequestsSplitAcrossTwoGatewaysAsOneBudget() {
        String reporter = TestTokens.user("reporter-shared-1", List.of("reporter"), "MA", "casablanca-cyber");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < CALLER_LIMIT; i++) {
            statuses.add(answer(i % 2 == 0 ? one : two, "127.0.0.51", reporter).status());
        }
        RawHttp.Answer overOnFirst = answer(one, "127.0.0.51", reporter);
        RawHttp.Answer overOnSecond = answer(two, "127.0.0.52", reporter);

        assertThat(statuses).as("10 requests, 5 through each gateway").containsOnly(200).hasSize(CALLER_LIMIT);
        assertThat(overOnFirst.status()).as("the 11th, on either gateway, is over the one shared budget").isEqualTo(429);
        assertThat(overOnSecond.status()).isEqualTo(429);
        assertThat(overOnSecond.text()).contains("urn:cyberreport:problem:rate-limited");
        assertThat(Integer.parseInt(overOnSecond.header("Retry-After"))).isBetween(1, 60);
        assertThat(answer(two, "127.0.0.51", TestTokens.user("reporter-shared-2", List.of("reporter"), "MA",
                "casablanca-cyber")).status()).as("another caller has a budget of its own").isEqualTo(200);
        assertThat(fallbacks(first) + fallbacks(second)).as("Redis answered every decision").isEqualTo(fallbacksAtStart);
    }

    @Test
    @Order(2)
    void limitsAnAddresssRefusalsOnBothGatewaysAsOneBudget() {
        String from = "127.0.0.53";
        List<Integer> refused = new ArrayList<>();
        for (int i = 0; i < REFUSAL_LIMIT; i++) {
            refused.add(answer(i % 2 == 0 ? one : two, from, i % 2 == 0 ? null : "not-a-jwt").status());
        }
        RawHttp.Answer limitedOnFirst = answer(one, from, null);
        RawHttp.Answer validButLimitedOnSecond = answer(two, from,
                TestTokens.user("reporter-shared-3", List.of("reporter"), "MA", "casablanca-cyber"));

        assertThat(refused).as("3 refusals by one gateway, 2 by the other").containsOnly(401).hasSize(REFUSAL_LIMIT);
        assertThat(limitedOnFirst.status()).isEqualTo(429);
        assertThat(validButLimitedOnSecond.status()).as("refused before its token is checked, on the other gateway")
                .isEqualTo(429);
        assertThat(answer(two, "127.0.0.54", null).status()).as("another address").isEqualTo(401);
    }

    @Test
    @Order(3)
    void countsMalformedRequestsOnEitherGatewayInTheSharedRefusalBudget() {
        String from = "127.0.0.55";
        byte[] malformed = ("GET /api/reports HTTP/1.1\r\nHost: gateway\r\nIdempotency-Key: \u00ff\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < REFUSAL_LIMIT; i++) {
            assertThat((i % 2 == 0 ? one : two).send(from, malformed).getFirst().status()).isEqualTo(400);
        }
        // Malformed requests are counted from Netty's event loop without waiting for Redis: the count lands a moment later.
        AtomicInteger probe = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(answer(one, from,
                TestTokens.user("reporter-probe-" + probe.incrementAndGet(), List.of("reporter"), "MA", "casablanca-cyber"))
                .status()).isEqualTo(429));
        assertThat(answer(two, from, null).status()).isEqualTo(429);
    }

    @Test
    @Order(4)
    void keepsLimitingInProcessWhileRedisIsDownAndSharesAgainWhenItIsBack() {
        redis.stop();
        String reporter = TestTokens.user("reporter-outage", List.of("reporter"), "MA", "casablanca-cyber");
        List<Integer> onFirst = new ArrayList<>();
        for (int i = 0; i < CALLER_LIMIT; i++) {
            onFirst.add(answer(one, "127.0.0.61", reporter).status());
        }
        RawHttp.Answer overOnFirst = answer(one, "127.0.0.61", reporter);
        List<Integer> onSecond = new ArrayList<>();
        for (int i = 0; i <= CALLER_LIMIT; i++) {
            onSecond.add(answer(two, "127.0.0.61", reporter).status());
        }
        List<Integer> refusals = new ArrayList<>();
        for (int i = 0; i <= REFUSAL_LIMIT; i++) {
            refusals.add(answer(one, "127.0.0.62", null).status());
        }

        assertThat(onFirst).as("no 5xx: the in-process limit answers").containsOnly(200);
        assertThat(overOnFirst.status()).as("not open for everyone: each gateway still limits the caller").isEqualTo(429);
        assertThat(overOnFirst.header("Retry-After")).isNotBlank();
        assertThat(onSecond).as("each gateway on its own: 10 more, then 429")
                .containsExactlyElementsOf(statuses(CALLER_LIMIT, 200, 429));
        assertThat(refusals).as("refusals limited in process too").containsExactlyElementsOf(statuses(REFUSAL_LIMIT, 401, 429));
        assertThat(fallbacks(first)).as("each decision without Redis is counted").isPositive();
        assertThat(fallbacks(second)).isPositive();
        assertThat(breaker(first).getState()).as("the breaker spares requests the wait for a dead Redis")
                .isEqualTo(CircuitBreaker.State.OPEN);
        Http management = new Http(first.getEnvironment().getRequiredProperty("local.management.port", Integer.class));
        Http.Answer metric = management.get("/actuator/metrics/gateway.limits.fallback",
                TestTokens.user("admin-outage", List.of("admin"), null, null));
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        assertThat(metric.json().at("/measurements/0/value").asDouble()).as("what administrators see").isPositive();
        assertThat(management.get("/actuator/metrics/gateway.limits.fallback", reporter).status()).isEqualTo(403);

        redis.start();
        AtomicInteger probe = new AtomicInteger();
        for (ConfigurableApplicationContext gateway : List.of(first, second)) {
            RawHttp client = gateway == first ? one : two;
            await("the shared limit is back").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> answer(client, "127.0.0.63", TestTokens.user("reporter-probe-back-" + probe.incrementAndGet(),
                            List.of("reporter"), "MA", "casablanca-cyber")).status() == 200
                            && breaker(gateway).getState() == CircuitBreaker.State.CLOSED);
        }
        String after = TestTokens.user("reporter-after-outage", List.of("reporter"), "MA", "casablanca-cyber");
        double fallbacksBefore = fallbacks(first) + fallbacks(second);
        List<Integer> shared = new ArrayList<>();
        for (int i = 0; i < CALLER_LIMIT; i++) {
            shared.add(answer(i % 2 == 0 ? one : two, "127.0.0.64", after).status());
        }
        assertThat(shared).containsOnly(200);
        assertThat(answer(one, "127.0.0.64", after).status()).isEqualTo(429);
        assertThat(answer(two, "127.0.0.64", after).status()).isEqualTo(429);
        assertThat(fallbacks(first) + fallbacks(second)).as("Redis answered again").isEqualTo(fallbacksBefore);
    }

    private static List<Integer> statuses(int times, int status, int then) {
        List<Integer> expected = new ArrayList<>(java.util.Collections.nCopies(times, status));
        expected.add(then);
        return expected;
    }

    /**
     * A gateway of its own. Its Reactor Netty resources are its own too: closing a context with the global
     * ones (Boot's default) would shut down the event loops that the other test classes' cached gateways use.
     */
    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
                    ReactorResourceFactory resources = new ReactorResourceFactory();
                    resources.setUseGlobalResources(false);
                    return resources;
                }))
                .run(
                "--server.port=0",
                "--GATEWAY_MANAGEMENT_PORT=0",
                "--cyberreport.security.issuer=" + TestTokens.ISSUER,
                "--cyberreport.security.audience=" + TestTokens.AUDIENCE,
                "--cyberreport.security.jwk-set-uri=" + JwksServer.url(),
                "--INTAKE_URL=" + intake.baseUrl(),
                "--GATEWAY_RATE_LIMIT_REQUESTS=" + CALLER_LIMIT,
                "--GATEWAY_RATE_LIMIT_PERIOD=1m",
                "--GATEWAY_REFUSAL_LIMIT_REQUESTS=" + REFUSAL_LIMIT,
                "--GATEWAY_REFUSAL_LIMIT_PERIOD=1m",
                "--GATEWAY_REDIS_URL=" + redis.url(),
                "--GATEWAY_REDIS_PASSWORD=" + PASSWORD,
                // generous for a busy 2-core machine; the breaker tries Redis again after 1 s
                "--GATEWAY_REDIS_TIMEOUT=2s",
                "--GATEWAY_REDIS_BREAKER_OPEN=1s",
                "--logging.level.access=WARN");
    }

    private static int port(ConfigurableApplicationContext gateway) {
        return gateway.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static double fallbacks(ConfigurableApplicationContext gateway) {
        return gateway.getBean(MeterRegistry.class).find("gateway.limits.fallback").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static CircuitBreaker breaker(ConfigurableApplicationContext gateway) {
        return gateway.getBean(CircuitBreakerRegistry.class).circuitBreaker("redis-limits");
    }

    private static RawHttp.Answer answer(RawHttp client, String from, String token) {
        String request = "GET /api/reports HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return client.send(from, request.getBytes(StandardCharsets.ISO_8859_1)).getFirst();
    }
}
