package org.cyberreport.intake.report.filing;

import org.cyberreport.intake.report.Report;

/** The outcome of a filing: the report, and whether an earlier identical request had already created it. */
public record Filed(Report report, boolean replayed) {
}
