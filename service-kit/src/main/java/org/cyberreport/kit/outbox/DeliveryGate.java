package org.cyberreport.kit.outbox;

import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The delivery side's word on which destinations can take a call now. The relay does not claim the
 * hand-offs of a destination that cannot (its breaker is open, its bulkhead full): they stay as they
 * are, costing no claim, no write and no log line, until the gate says a call may go through again.
 */
public interface DeliveryGate {

    /** Always open: every hand-off is claimed when due. */
    DeliveryGate OPEN = new DeliveryGate() {
        @Override
        public Waiting waiting(ToIntFunction<String> inFlight) {
            return Waiting.NONE;
        }

        @Override
        public void whenOpening(Runnable listener) {
        }
    };

    /**
     * The destinations that cannot take another call now.
     *
     * @param inFlight how many of the relay's own deliveries to a destination are under way (null: the
     *                 outbox's only destination), including those claimed but not yet started
     */
    Waiting waiting(ToIntFunction<String> inFlight);

    /** Calls the listener whenever a destination that was waiting may take a call again. */
    void whenOpening(Runnable listener);

    /**
     * @param all          no destination can take a call (for an outbox with one destination)
     * @param destinations those that cannot, by {@link Handoff#destination()}
     */
    record Waiting(boolean all, Set<String> destinations) {

        public static final Waiting NONE = new Waiting(false, Set.of());
        public static final Waiting ALL = new Waiting(true, Set.of());

        public Waiting {
            destinations = Set.copyOf(destinations);
        }

        public static Waiting of(Set<String> destinations) {
            return destinations.isEmpty() ? NONE : new Waiting(false, destinations);
        }

        public boolean none() {
            return !all && destinations.isEmpty();
        }
    }
}
