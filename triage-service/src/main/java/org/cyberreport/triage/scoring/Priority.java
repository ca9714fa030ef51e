package org.cyberreport.triage.scoring;

import java.time.Instant;
import java.util.List;

/** A computed priority: the score, its level, when a response is due, and the breakdown. */
public record Priority(int score, Level level, Instant dueAt, boolean goldenHour, List<FactorScore> breakdown,
                       Instant scoredAt) {

    public Priority {
        breakdown = List.copyOf(breakdown);
    }
}
