package org.cyberreport.kit.outbox;

import java.time.Instant;

import org.cyberreport.kit.tracing.TraceContexts;

/**
 * The durable hand-off of a change to a destination, kept in the document whose change it announces and
 * written in the same write. A relay claims it atomically by setting a lease ({@code leaseOwner},
 * {@code leaseUntil}) on a PENDING hand-off whose {@code nextAttemptAt} has come and whose lease is absent
 * or expired; it marks it DELIVERED for that {@code version}, or backs off, or parks it. Plain Java (no
 * Spring), so a service's domain model may hold it; the relay writes its fields by these names.
 *
 * @param version     the version of the change to deliver
 * @param queuedAt    when the change was stored, for the hand-off delay
 * @param destination where it goes, for an outbox with several destinations (a country, say); null for an
 *                    outbox with one. The relay leaves the hand-offs of a destination that cannot take a
 *                    call alone until it can.
 * @param traceparent the trace context (W3C {@code traceparent}) of the request that made the change, so that
 *                    its later delivery continues that trace; null outside any trace
 */
public record Handoff(long version, HandoffState state, int attempts, Instant queuedAt, Instant nextAttemptAt,
                      String leaseOwner, Instant leaseUntil, String lastError, Instant deliveredAt, Instant parkedAt,
                      String destination, String traceparent) {

    /** Due now, to the outbox's only destination. */
    public static Handoff pending(long version, Instant now) {
        return pending(version, null, now);
    }

    /** Due now, to one of the outbox's destinations. */
    public static Handoff pending(long version, String destination, Instant now) {
        return new Handoff(version, HandoffState.PENDING, 0, now, now, null, null, null, null, null, destination,
                TraceContexts.current());
    }

    /** Stored but left alone by the relay until its service releases it (or cancels it). */
    public static Handoff held(long version, String destination, Instant now) {
        return new Handoff(version, HandoffState.HELD, 0, now, now, null, null, null, null, null, destination,
                TraceContexts.current());
    }

    /**
     * A new version waits while the previous one is being delivered: it keeps that delivery's claim,
     * which the relay releases when the delivery ends, so the versions of one document reach the
     * destination in order even with several deliveries in flight.
     */
    public Handoff keepingTheClaimOf(Handoff previous, Instant now) {
        if (previous == null || previous.leaseUntil() == null || !previous.leaseUntil().isAfter(now)) {
            return this;
        }
        return new Handoff(version, state, attempts, queuedAt, nextAttemptAt, previous.leaseOwner(),
                previous.leaseUntil(), lastError, deliveredAt, parkedAt, destination, traceparent);
    }
}
