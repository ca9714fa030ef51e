package org.cyberreport.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** Which destinations the Resilience4j gate names as waiting, and when it says one may take a call again. */
class ResilienceGateTest {

    private static final CircuitBreakerConfig FOREIGN = CircuitBreakerConfig.custom()
            .waitDurationInOpenState(Duration.ofHours(1)).automaticTransitionFromOpenToHalfOpenEnabled(true)
            .permittedNumberOfCallsInHalfOpenState(1).build();

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(Map.of("foreign", FOREIGN));
    private final BulkheadRegistry bulkheads = BulkheadRegistry.of(Map.of("foreign",
            BulkheadConfig.custom().maxConcurrentCalls(2).maxWaitDuration(Duration.ZERO).build()));
    private final ResilienceGate gate = ResilienceGate.perDestination(breakers, bulkheads, "country-");
    private final AtomicInteger openings = new AtomicInteger();

    {
        gate.whenOpening(openings::incrementAndGet);
    }

    @Test
    void aDestinationWhoseBreakerIsOpenWaitsAndOpensWhenItMovesToHalfOpen() {
        CircuitBreaker at = breakers.circuitBreaker("country-AT", "foreign");
        breakers.circuitBreaker("country-FR", "foreign");
        at.transitionToOpenState();

        assertThat(gate.waiting(destination -> 0).destinations()).containsExactly("AT");
        at.transitionToHalfOpenState();

        assertThat(openings.get()).isEqualTo(1);
        assertThat(gate.waiting(destination -> 0).none()).as("a trial call may go").isTrue();
        assertThat(gate.waiting(destination -> "AT".equals(destination) ? 1 : 0).destinations())
                .as("the trial call is under way").containsExactly("AT");
        at.transitionToClosedState();
        assertThat(openings.get()).isEqualTo(2);
    }

    @Test
    void aDestinationWhoseBulkheadIsFullWaitsAndOpensWhenACallEnds() {
        breakers.circuitBreaker("country-FR", "foreign");
        Bulkhead fr = bulkheads.bulkhead("country-FR", "foreign");
        fr.acquirePermission();
        fr.acquirePermission();

        assertThat(gate.waiting(destination -> 0).destinations()).containsExactly("FR");
        fr.onComplete();

        assertThat(openings.get()).isEqualTo(1);
        assertThat(gate.waiting(destination -> 0).none()).isTrue();
        assertThat(gate.waiting(destination -> 2).destinations()).as("the relay's own calls under way count")
                .containsExactly("FR");
    }

    @Test
    void aBreakerThatOnlyACallMovesToHalfOpenIsNeverWaitedFor() {
        CircuitBreaker triage = CircuitBreaker.of("triage", CircuitBreakerConfig.custom()
                .automaticTransitionFromOpenToHalfOpenEnabled(false).build());
        ResilienceGate single = ResilienceGate.of(triage);
        triage.transitionToOpenState();

        assertThat(single.waiting(destination -> 0).all()).as("its hand-offs are claimed and held back, not stuck").isFalse();
    }

    @Test
    void anOutboxWithOneDestinationWaitsAsAWhole() {
        CircuitBreaker triage = CircuitBreaker.of("triage", FOREIGN);
        ResilienceGate single = ResilienceGate.of(triage);
        AtomicInteger woken = new AtomicInteger();
        single.whenOpening(woken::incrementAndGet);

        triage.transitionToOpenState();
        assertThat(single.waiting(destination -> 0).all()).isTrue();
        triage.transitionToHalfOpenState();

        assertThat(woken.get()).isEqualTo(1);
        assertThat(single.waiting(destination -> 0).all()).isFalse();
        assertThat(single.waiting(destination -> destination == null ? 1 : 0).all()).isTrue();
    }
}
