package org.cyberreport.intake.evidence;

import java.time.Instant;

/**
 * One handling of an evidence file, in its chain of custody.
 *
 * @param action RECEIVED, CONSULTED, DOWNLOADED, PASSED_TO_TRIAGE, DISCLOSED_ABROAD
 * @param by     who (a user, or the platform's relay), of which country and unit
 */
public record Custody(Instant at, String action, String by, String country, String unit, String detail) {
}
