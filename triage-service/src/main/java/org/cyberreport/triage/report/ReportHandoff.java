package org.cyberreport.triage.report;

import java.time.Instant;

/** A version of a report as intake hands it over. */
public record ReportHandoff(String reportId, String reference, long version, String status, String country, String unit,
                            String filedBy, Instant receivedAt, Instant updatedAt, ReportFacts content) {

    public boolean isWithdrawn() {
        return "WITHDRAWN".equals(status);
    }
}
