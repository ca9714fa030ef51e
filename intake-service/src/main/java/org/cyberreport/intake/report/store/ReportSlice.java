package org.cyberreport.intake.report.store;

import java.util.List;

import org.cyberreport.intake.report.Report;

/** One page of reports and the number of reports that match in all. */
public record ReportSlice(List<Report> items, long total) {
}
