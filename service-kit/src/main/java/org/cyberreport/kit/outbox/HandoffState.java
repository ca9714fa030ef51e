package org.cyberreport.kit.outbox;

/**
 * Where a hand-off stands. Only {@code PENDING} ones are claimed by the relay; {@code HELD} ones wait for
 * their service to release or cancel them; {@code PARKED} ones for an administrator to re-drive them.
 */
public enum HandoffState {
    /** Written, not yet released to the relay (e.g. until the change it announces is known to stand). */
    HELD,
    /** Due for delivery at {@code nextAttemptAt}. */
    PENDING,
    /** Taken by its destination, for the version that was sent. */
    DELIVERED,
    /** Given up after the configured attempts; an administrator may re-drive it. */
    PARKED,
    /** Not to be delivered any more (the change it announced was refused or withdrawn). */
    CANCELLED
}
