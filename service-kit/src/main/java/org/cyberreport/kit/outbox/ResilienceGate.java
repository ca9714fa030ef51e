package org.cyberreport.kit.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A {@link DeliveryGate} read from Resilience4j: a destination waits while its circuit breaker is open
 * (or half open with its trial calls under way) or its bulkhead has no permit left. It opens again on
 * the breaker's move to half open or closed and when a waiting destination's bulkhead ends a call, and
 * says so to the relay, which then claims at once.
 *
 * <p>An open breaker moves to half open by itself only with
 * {@code automatic-transition-from-open-to-half-open-enabled}; without it the move waits for a call, which
 * a gate that holds the hand-offs back would never make. Such a breaker is therefore not treated as
 * waiting: its hand-offs are claimed and held back as before, never stuck.
 */
public final class ResilienceGate implements DeliveryGate {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final String prefix;
    private final CircuitBreaker single;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Set<Object> watched = ConcurrentHashMap.newKeySet();
    private volatile Set<String> lastWaiting = Set.of();

    private ResilienceGate(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, String prefix,
                           CircuitBreaker single) {
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.prefix = prefix;
        this.single = single;
    }

    /** The gate of an outbox with one destination behind one breaker. */
    public static ResilienceGate of(CircuitBreaker breaker) {
        ResilienceGate gate = new ResilienceGate(null, null, null, breaker);
        gate.watch(breaker);
        return gate;
    }

    /**
     * The gate of an outbox with a breaker (and optionally a bulkhead) per destination, named
     * {@code prefix + destination} in the registries; breakers made later are watched as they appear.
     */
    public static ResilienceGate perDestination(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, String prefix) {
        ResilienceGate gate = new ResilienceGate(breakers, bulkheads, prefix, null);
        breakers.getEventPublisher().onEntryAdded(added -> gate.watchNamed(added.getAddedEntry()));
        breakers.getEventPublisher().onEntryReplaced(replaced -> gate.watchNamed(replaced.getNewEntry()));
        breakers.getAllCircuitBreakers().forEach(gate::watchNamed);
        if (bulkheads != null) {
            // a bulkhead appears with the first call to its destination: watched from then on
            bulkheads.getEventPublisher().onEntryAdded(added -> gate.watchNamed(added.getAddedEntry()));
            bulkheads.getEventPublisher().onEntryReplaced(replaced -> gate.watchNamed(replaced.getNewEntry()));
            bulkheads.getAllBulkheads().forEach(gate::watchNamed);
        }
        return gate;
    }

    @Override
    public Waiting waiting(ToIntFunction<String> inFlight) {
        if (single != null) {
            return waits(single, null, inFlight.applyAsInt(null)) ? Waiting.ALL : Waiting.NONE;
        }
        Set<String> waiting = new HashSet<>();
        for (CircuitBreaker breaker : breakers.getAllCircuitBreakers()) {
            String name = breaker.getName();
            if (name.startsWith(prefix)) {
                String destination = name.substring(prefix.length());
                Bulkhead bulkhead = bulkheads == null ? null : bulkheads.find(name).orElse(null);
                if (waits(breaker, bulkhead, inFlight.applyAsInt(destination))) {
                    waiting.add(destination);
                }
            }
        }
        lastWaiting = waiting;
        return Waiting.of(waiting);
    }

    @Override
    public void whenOpening(Runnable listener) {
        listeners.add(listener);
    }

    /** Whether one more call would be refused by our own breaker or bulkhead. */
    static boolean waits(CircuitBreaker breaker, Bulkhead bulkhead, int inFlight) {
        int inUse = inFlight;
        if (bulkhead != null) {
            int max = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
            inUse = Math.max(inFlight, max - bulkhead.getMetrics().getAvailableConcurrentCalls());
            if (inUse >= max) {
                return true;
            }
        }
        return switch (breaker.getState()) {
            case OPEN -> breaker.getCircuitBreakerConfig().isAutomaticTransitionFromOpenToHalfOpenEnabled();
            case FORCED_OPEN -> true;
            case HALF_OPEN -> inUse >= breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState();
            default -> false;
        };
    }

    private void watchNamed(CircuitBreaker breaker) {
        if (breaker.getName().startsWith(prefix)) {
            watch(breaker);
        }
    }

    private void watchNamed(Bulkhead bulkhead) {
        if (bulkhead.getName().startsWith(prefix)) {
            watch(bulkhead, bulkhead.getName().substring(prefix.length()));
        }
    }

    private void watch(CircuitBreaker breaker) {
        if (!watched.add(breaker)) {
            return;
        }
        breaker.getEventPublisher().onStateTransition(transition -> {
            switch (transition.getStateTransition().getToState()) {
                case HALF_OPEN, CLOSED, DISABLED, METRICS_ONLY -> open();
                default -> { }
            }
        });
    }

    private void watch(Bulkhead bulkhead, String destination) {
        if (!watched.add(bulkhead)) {
            return;
        }
        bulkhead.getEventPublisher().onCallFinished(finished -> {
            if (lastWaiting.contains(destination)) {
                open();
            }
        });
    }

    private void open() {
        listeners.forEach(Runnable::run);
    }
}
