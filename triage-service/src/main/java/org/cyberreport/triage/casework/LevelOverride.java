package org.cyberreport.triage.casework;

import java.time.Instant;

import org.cyberreport.triage.scoring.Level;

/** An officer's level, with the reason and the computed level and score it replaced. */
public record LevelOverride(Level level, String reason, String by, Instant at, Level computedLevel, int computedScore) {
}
