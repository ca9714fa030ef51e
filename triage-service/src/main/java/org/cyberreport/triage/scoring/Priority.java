package org.cyberreport.triage.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A computed priority: the score, its level, when a response is due, and the breakdown.
 *
 * @param rescoreAt when a time-bound factor (a deadline coming near or passing, a golden hour or a
 *                  breach window ending) will change the score; null when none will
 */
public record Priority(int score, Level level, Instant dueAt, boolean goldenHour, List<FactorScore> breakdown,
                       Instant scoredAt, Instant rescoreAt) {

    public Priority {
        breakdown = List.copyOf(breakdown);
    }
}
