package org.cyberreport.cooperation.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestType;
import org.cyberreport.cooperation.request.desk.RequestDesk;
import org.cyberreport.cooperation.treaty.LegalBasisAdvisor;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Where triage's relay delivers escalations: service callers only, never routed by the gateway, and
 * idempotent (the request's id is the escalation's). A complete escalation is sent at once; an
 * incomplete one waits as a draft for the requesting country's officers to complete.
 */
@RestController
@Hidden
class EscalationEndpoint {

    private final RequestDesk desk;
    private final LegalBasisAdvisor bases;
    private final Clock clock;

    EscalationEndpoint(RequestDesk desk, LegalBasisAdvisor bases, Clock clock) {
        this.desk = desk;
        this.bases = bases;
        this.clock = clock;
    }

    @PostMapping(path = "/internal/escalations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Received receive(Caller service, @RequestBody Escalation escalation) {
        if (escalation.escalationId() == null || escalation.requestingCountry() == null
                || escalation.destinationCountry() == null || escalation.requestType() == null) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED,
                    "An escalation needs escalationId, requestingCountry, destinationCountry and requestType");
        }
        RequestContent content = escalation.content() == null ? emptyContent() : escalation.content();
        Caller officer = new Caller(service.subject(), escalation.requestedBy(), Set.of(Caller.TRIAGE_OFFICER),
                escalation.requestingCountry(), null, service.clientId());
        CooperationRequest draft = CooperationRequest.draft(escalation.escalationId(), "ESCALATION", escalation.caseId(),
                escalation.caseReference(), escalation.requestingCountry(), escalation.destinationCountry(),
                escalation.requestType(), bases.propose(escalation.requestingCountry(), escalation.destinationCountry(),
                        escalation.requestType(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)),
                Boolean.TRUE.equals(escalation.urgent()), escalation.reason(),
                escalation.handling() == null ? new HandlingMarks("AMBER", Set.of(), null) : escalation.handling(),
                content, escalation.requestedBy(), clock.instant());
        boolean complete = draft.obstacles().isEmpty();
        CooperationRequest stored = desk.create(officer, draft, complete);
        return new Received(stored.id(), stored.status().name(), stored.missing());
    }

    private static RequestContent emptyContent() {
        return new RequestContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    record Escalation(String escalationId, String caseId, String caseReference, String requestingCountry,
                      String destinationCountry, RequestType requestType, Boolean urgent, String reason,
                      String requestedBy, HandlingMarks handling, RequestContent content) {
    }

    record Received(String requestId, String status, List<String> missing) {
    }
}
