package org.cyberreport.intake.report;

/** A change that the report's current state does not allow, e.g. amending a withdrawn report. */
public class IllegalReportTransition extends RuntimeException {
    public IllegalReportTransition(String message) {
        super(message);
    }
}
