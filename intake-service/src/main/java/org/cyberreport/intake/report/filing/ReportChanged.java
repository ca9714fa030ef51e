package org.cyberreport.intake.report.filing;

/** A report was filed or changed and its new version stored, with its hand-off, in one write. */
public record ReportChanged(String reportId, long version) {
}
