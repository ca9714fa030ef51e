package org.cyberreport.kit.outbox;

import java.time.Duration;

/**
 * One outbox: hand-offs kept in a sub-document ({@code field}) of the documents of {@code collection},
 * written in the same write as the change they announce.
 *
 * @param name         the destination's name, in metrics and logs
 * @param lease        how long a claim holds before another instance may take the hand-off over
 * @param maxAttempts  failed attempts after which the hand-off is parked for an administrator
 * @param firstBackoff wait after the first failure; doubled per failure, with jitter, up to maxBackoff
 * @param pollInterval how often due hand-offs are looked for
 * @param concurrency  deliveries in flight at once; 1 delivers one after the other on the relay's thread
 */
public record OutboxSettings(String name, String collection, String field, Duration lease, int maxAttempts,
                             Duration firstBackoff, Duration maxBackoff, Duration pollInterval, int batchSize,
                             int concurrency) {

    public OutboxSettings(String name, String collection, String field, Duration lease, int maxAttempts,
                          Duration firstBackoff, Duration maxBackoff, Duration pollInterval, int batchSize) {
        this(name, collection, field, lease, maxAttempts, firstBackoff, maxBackoff, pollInterval, batchSize, 1);
    }
}
