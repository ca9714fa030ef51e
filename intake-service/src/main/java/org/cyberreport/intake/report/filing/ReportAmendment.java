package org.cyberreport.intake.report.filing;

import java.util.function.UnaryOperator;

import org.cyberreport.intake.report.ReportContent;

/** An amendment as the desk applies it: a reason and how the content changes. */
public record ReportAmendment(String reason, UnaryOperator<ReportContent> change) {
}
