package org.cyberreport.triage.casestate;

import java.time.Instant;

/**
 * What intake receives of a case: the filing unit's view of it. No note, no score, no link, nothing
 * of other cases: the unit learns the level the case was given, whether it is worked, and its outcome.
 */
record CaseStateMessage(String reportId, String caseReference, String level, String status, String outcome,
                        Instant closedAt, Instant changedAt, long version) {
}
