package org.cyberreport.intake.report.handoff;

/**
 * Told of each report version triage took, before the hand-off counts as delivered: a failure here makes the
 * relay deliver it again (triage takes a version once), so what it records is never lost.
 */
public interface HandedOff {

    void delivered(ReportHandoffMessage message);
}
