package org.cyberreport.triage.casework;

/** A triage officer, or the system, acting on a case. */
public record Officer(String subject, String username) {

    public static final Officer SYSTEM = new Officer("system", "system");
}
