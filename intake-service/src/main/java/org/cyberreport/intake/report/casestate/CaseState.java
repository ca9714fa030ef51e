package org.cyberreport.intake.report.casestate;

import java.time.Instant;

/**
 * What triage tells intake of a report's case, for the filing unit: the case's reference, its level
 * ({@code P1} to {@code P4}), whether it is new, worked or closed, and the outcome once closed. A copy
 * delivered by triage's relay; {@code version} orders the copies of one case.
 */
public record CaseState(String caseReference, String level, String status, String outcome, Instant closedAt,
                        Instant changedAt, long version) {
}
