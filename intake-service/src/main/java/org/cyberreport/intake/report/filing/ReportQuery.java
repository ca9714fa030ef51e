package org.cyberreport.intake.report.filing;

import java.time.Instant;

import org.cyberreport.intake.report.ReportCategory;
import org.cyberreport.intake.report.ReportStatus;

/** A listing request: optional filters and a page. */
public record ReportQuery(ReportStatus status, ReportCategory category, Instant receivedFrom, Instant receivedTo,
                          int page, int size) {

    String describe() {
        return "status=" + status + ",category=" + category + ",receivedFrom=" + receivedFrom
                + ",receivedTo=" + receivedTo + ",page=" + page + ",size=" + size;
    }
}
