package org.cyberreport.triage.casework;

import java.time.Instant;

public record Closure(Outcome outcome, String reason, String by, Instant at) {
}
