package org.cyberreport.intake.report;

import java.time.Instant;

/**
 * The durable hand-off of a report's latest version to triage, written in the same document as the
 * change it announces. A relay claims it atomically by setting a lease ({@code leaseOwner},
 * {@code leaseUntil}) on a PENDING hand-off whose {@code nextAttemptAt} has come and whose lease is
 * absent or expired; it marks it DELIVERED for that {@code version}, or backs off, or parks it.
 *
 * @param version  the report version to deliver
 * @param queuedAt when the change was stored, for the hand-off delay
 */
public record Handoff(long version, State state, int attempts, Instant queuedAt, Instant nextAttemptAt,
                      String leaseOwner, Instant leaseUntil, String lastError, Instant deliveredAt, Instant parkedAt) {

    public enum State { PENDING, DELIVERED, PARKED }

    static Handoff pending(long version, Instant now) {
        return new Handoff(version, State.PENDING, 0, now, now, null, null, null, null, null);
    }

    /**
     * A new version waits while the previous one is being delivered: it keeps that delivery's claim,
     * which the relay releases when the delivery ends, so the versions of one report reach triage in
     * order even with several deliveries in flight.
     */
    Handoff keepingTheClaimOf(Handoff previous, Instant now) {
        if (previous == null || previous.leaseUntil() == null || !previous.leaseUntil().isAfter(now)) {
            return this;
        }
        return new Handoff(version, state, attempts, queuedAt, nextAttemptAt, previous.leaseOwner(),
                previous.leaseUntil(), lastError, deliveredAt, parkedAt);
    }
}
