package org.cyberreport.cooperation.request;

import java.time.Instant;

/** The outbox entry of a request to a country that receives requests at an endpoint of its own. */
public record Forwarding(long version, String state, int attempts, Instant queuedAt, Instant nextAttemptAt,
                         String leaseOwner, Instant leaseUntil, String lastError, Instant deliveredAt, Instant parkedAt) {

    static Forwarding pending(Instant now) {
        return new Forwarding(1, "PENDING", 0, now, now, null, null, null, null, null);
    }
}
