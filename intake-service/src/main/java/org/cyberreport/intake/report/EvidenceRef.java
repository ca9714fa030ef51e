package org.cyberreport.intake.report;

import java.time.Instant;

/** An evidence file stored for a report, as the report (and triage's copy of it) lists it: never its bytes. */
public record EvidenceRef(String id, String name, String mediaType, long size, String sha256, Instant addedAt) {
}
