package org.cyberreport.triage.casework;

/** How a case was closed. */
public enum Outcome {
    REFERRED_FOR_INVESTIGATION, ESCALATED_ABROAD, NO_FURTHER_ACTION, LINKED_TO_OTHER_CASE, RESOLVED, WITHDRAWN_BY_UNIT
}
