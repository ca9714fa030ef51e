package org.cyberreport.intake.report.web;

import java.time.Instant;

import org.cyberreport.intake.report.Money;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportCategory;
import org.cyberreport.intake.report.ReportStatus;
import org.cyberreport.intake.report.casestate.CaseState;

/** A line of a report listing; no victim data. */
public record ReportSummary(String id, String reference, ReportStatus status, ReportCategory category, String subtype,
                            String jurisdictionCountry, String unit, Instant receivedAt, Instant updatedAt, long version,
                            Money totalLoss, ReportResponse.CaseView caseState) {

    static ReportSummary of(Report report, CaseState caseState) {
        return new ReportSummary(report.id(), report.reference(), report.status(), report.content().category(),
                report.content().subtype(), report.content().jurisdictionCountry(), report.unit(), report.receivedAt(),
                report.updatedAt(), report.version(), report.content().totalLoss(), ReportResponse.CaseView.of(caseState));
    }
}
