package org.cyberreport.triage.casework;

/** A change the case's current state does not allow: a second claim, acting on a closed case… */
public class CaseConflict extends RuntimeException {
    public CaseConflict(String message) {
        super(message);
    }
}
