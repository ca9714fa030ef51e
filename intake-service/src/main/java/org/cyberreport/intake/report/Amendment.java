package org.cyberreport.intake.report;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a report's append-only amendment history: who changed which parts, when and why, with
 * each part's value before and after (as JSON).
 */
public record Amendment(int number, Instant amendedAt, Actor amendedBy, String reason, List<Change> changes) {

    public Amendment {
        changes = List.copyOf(changes);
    }

    public record Change(String part, String before, String after) {
    }
}
