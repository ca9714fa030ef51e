package org.cyberreport.kit.notify;

import java.time.Instant;
import java.util.Map;

/**
 * Something a user is told: made by the service where the fact changed, stored once under its key
 * (the same fact posted again, after a restart or a repeated delivery, is the same notice), shown in
 * the console as it happens and mailed. It carries only what its audience may read: the service
 * chooses the facts and the English summary per audience, and the e-mail holds the summary and the
 * link, nothing more.
 *
 * @param key       unique per fact and audience, e.g. {@code case:42:level:7:unit}
 * @param kind      what happened, one of the service's kinds (the console translates it with the facts)
 * @param reference the case's or request's reference
 * @param link      the console's path to it
 * @param facts     a few short values the audience may read (level, outcome, due time)
 * @param summary   one English sentence for the e-mail
 */
public record Notice(String key, String kind, Audience audience, String reference, String link,
                     Map<String, String> facts, String summary, Instant createdAt) {

    public Notice {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
