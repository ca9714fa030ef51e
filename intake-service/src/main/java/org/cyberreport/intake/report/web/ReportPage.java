package org.cyberreport.intake.report.web;

import java.util.List;

/** One page of a listing, newest first. */
public record ReportPage(List<ReportSummary> items, int page, int size, long totalItems, long totalPages) {
}
