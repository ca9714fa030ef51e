package org.cyberreport.triage.scoring;

/** One line of a score's explanation: which factor added how many points, and why. */
public record FactorScore(String factor, int points, String reason) {
}
