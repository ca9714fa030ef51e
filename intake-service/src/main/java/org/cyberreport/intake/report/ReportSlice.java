package org.cyberreport.intake.report;

import java.util.List;

/** One page of reports and the number of reports that match in all. */
public record ReportSlice(List<Report> items, long total) {
}
