package org.cyberreport.triage.casework;

/**
 * An identifier of the report that links no case by itself, and why: it is on a warning list of
 * shared infrastructure ({@code list} and {@code listVersion} say which), or it names a platform
 * hosting many users without naming an account there, or it belongs to a person the report marks as a
 * possible victim of trafficking (forced to work in a scam compound): never a suspect's line of enquiry.
 */
public record SetAsideIdentifier(String identifier, Reason reason, String list, String listName, String listVersion) {

    public enum Reason { WARNING_LIST, PLATFORM_WITHOUT_ACCOUNT, POSSIBLE_TRAFFICKING_VICTIM }
}
