package org.cyberreport.triage.scoring;

/** Priority levels, most urgent first. */
public enum Level {
    P1, P2, P3, P4
}
