package org.cyberreport.intake.report.handoff;

import java.time.Instant;

import java.util.List;

import org.cyberreport.intake.report.EvidenceRef;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportContent;

/**
 * What intake tells triage about a report: its latest version, whole. Triage keeps its own copy of
 * this message; {@code docs/contracts/report-handoff.json} is the example both sides test against.
 */
public record ReportHandoffMessage(String reportId, String reference, long version, String status, String country,
                                   String unit, String filedBy, Instant receivedAt, Instant updatedAt,
                                   ReportContent content, List<EvidenceRef> evidenceFiles) {

    public static ReportHandoffMessage of(Report report) {
        return new ReportHandoffMessage(report.id(), report.reference(), report.version(), report.status().name(),
                report.country(), report.unit(), report.filedBy().username(), report.receivedAt(), report.updatedAt(),
                report.content(), report.evidenceFiles());
    }
}
