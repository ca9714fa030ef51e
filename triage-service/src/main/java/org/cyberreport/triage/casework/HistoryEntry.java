package org.cyberreport.triage.casework;

import java.time.Instant;
import java.util.Map;

/** One entry of a case's history: when, who, what, and the facts of it. */
public record HistoryEntry(Instant at, String by, String action, Map<String, String> details) {

    public HistoryEntry {
        details = Map.copyOf(details);
    }
}
