package org.cyberreport.intake.report.retention;

/**
 * A report reaches the end of its retention: what is kept beside it (its evidence files) is erased by its
 * listeners, before the report itself, so that an interrupted erasure is taken up again by the next sweep.
 */
public record ReportErasing(String reportId) {
}
