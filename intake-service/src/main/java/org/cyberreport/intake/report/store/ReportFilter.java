package org.cyberreport.intake.report.store;

import java.time.Instant;

import org.cyberreport.intake.report.ReportCategory;
import org.cyberreport.intake.report.ReportStatus;

/**
 * Which reports to list: always one country, and one unit when the caller is a unit's officer;
 * optionally a status, a category and a half-open range of receipt times.
 */
public record ReportFilter(String country, String unit, ReportStatus status, ReportCategory category,
                           Instant receivedFrom, Instant receivedTo) {
}
