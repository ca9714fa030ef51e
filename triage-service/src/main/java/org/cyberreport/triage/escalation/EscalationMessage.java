package org.cyberreport.triage.escalation;

import java.util.Set;

/** What triage hands to cooperation for an escalation (cooperation keeps its own copy). */
public record EscalationMessage(String escalationId, String caseId, String caseReference, String requestingCountry,
                                String destinationCountry, String requestType, boolean urgent, String reason,
                                String requestedBy, Handling handling, EscalationContent content) {

    public record Handling(String tlp, Set<String> codes, String permission) {
    }
}
