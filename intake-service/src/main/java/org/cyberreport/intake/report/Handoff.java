package org.cyberreport.intake.report;

import java.time.Instant;

/**
 * The durable hand-off of a report's latest version to triage, written in the same document as the
 * change it announces. A relay claims it atomically by setting a lease ({@code leaseOwner},
 * {@code leaseUntil}) on a PENDING hand-off whose {@code nextAttemptAt} has come and whose lease is
 * absent or expired; it marks it DELIVERED for that {@code reportVersion}, or backs off, or parks it.
 */
public record Handoff(long reportVersion, State state, int attempts, Instant nextAttemptAt, String leaseOwner,
                      Instant leaseUntil, String lastError) {

    public enum State { PENDING, DELIVERED, PARKED }

    static Handoff pending(long reportVersion, Instant now) {
        return new Handoff(reportVersion, State.PENDING, 0, now, null, null, null);
    }
}
