package org.cyberreport.triage.casework;

public enum CaseStatus {
    /** In the queue, nobody works it yet. */
    NEW,
    /** Claimed by an officer. */
    IN_PROGRESS,
    CLOSED
}
