package org.cyberreport.intake.report;

/** Where a report stands at intake. */
public enum ReportStatus {
    /** Accepted and handed on to triage. */
    FILED,
    /** Withdrawn by the filing unit; kept for the record, no longer worked. */
    WITHDRAWN
}
