package org.cyberreport.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A gateway configured with a Redis that is not there (nothing listens on its port, as when Redis is
 * down at start-up): every decision is taken by the in-process limit, which still limits; each one is
 * counted in the fallback metric; and after a few failures the breaker opens, so that the next
 * decisions do not even try the network.
 */
class UnreachableRedisTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50).build());
    private final RedisWindows redis = new RedisWindows(new GatewayProperties.Redis("redis://127.0.0.1:" + closedPort(), "secret"),
            breakers, TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(2)).build()));

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void limitsInProcessCountsEachFallbackAndOpensTheBreaker() {
        Budget callers = new Budget("caller", new GatewayProperties.RateLimit(3, Duration.ofMinutes(1)), redis, meters);
        Budget refusals = new Budget("refusals", new GatewayProperties.RateLimit(2, Duration.ofMinutes(1)), redis, meters);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(callers.take("subject:officer-1").block(Duration.ofSeconds(10)));
        }
        Long otherCaller = callers.take("subject:officer-2").block(Duration.ofSeconds(10));
        refusals.count("203.0.113.9").block(Duration.ofSeconds(10));
        Long afterOneRefusal = refusals.secondsToWait("203.0.113.9").block(Duration.ofSeconds(10));
        refusals.count("203.0.113.9").block(Duration.ofSeconds(10));

        assertThat(waits.subList(0, 3)).containsOnly(0L);
        assertThat(waits.get(3)).as("the 4th request within the minute waits, whatever Redis does").isBetween(1L, 60L);
        assertThat(otherCaller).isZero();
        assertThat(afterOneRefusal).isZero();
        assertThat(refusals.secondsToWait("203.0.113.9").block(Duration.ofSeconds(10))).isBetween(1L, 60L);
        assertThat(refusals.secondsToWaitNow("203.0.113.9")).as("known without Redis too").isBetween(1L, 60L);
        assertThat(meters.get("gateway.limits.fallback").tag("limit", "caller").counter().count()).isEqualTo(5);
        assertThat(meters.get("gateway.limits.fallback").tag("limit", "refusals").counter().count()).isEqualTo(4);
        assertThat(breakers.circuitBreaker(RedisWindows.GUARD).getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
