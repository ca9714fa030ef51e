package org.cyberreport.triage.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.Handoff;
import org.cyberreport.kit.outbox.HandoffState;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * For an administrator: escalations whose hand-off to cooperation was parked after too many failed
 * attempts, and re-driving them. Shows delivery facts only, never the request's content.
 */
@RestController
@RequestMapping(path = "/api/triage/escalations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Escalation hand-offs", description = "Deliveries of escalations to cooperation (administrators)")
class EscalationAdministration {

    private static final String[] FACTS = {"caseId", "caseReference", "requestingCountry", "destinationCountry",
            "requestType"};

    private final OutboxRelay relay;
    private final AuditTrail audit;

    EscalationAdministration(OutboxRelay escalationRelay, AuditTrail audit) {
        this.relay = escalationRelay;
        this.audit = audit;
        audit.holdsPendingRecords(relay.collection());
    }

    @GetMapping
    @Operation(summary = "List escalation hand-offs in a state (PARKED by default)")
    List<HandoffView> list(@RequestParam(defaultValue = "PARKED") HandoffState state,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return relay.list(state, limit, HandoffRow.class, FACTS).stream().map(HandoffRow::view).toList();
    }

    @PostMapping("/{escalationId}/redrive")
    @Operation(summary = "Put a parked escalation hand-off back in line, now")
    HandoffView redrive(Caller caller, @PathVariable @Size(max = 64) String escalationId) {
        // the re-drive and its audit record in one write
        AuditRecord record = audit.prepare(caller, "ESCALATION_REDRIVEN", "escalation", escalationId, Map.of("destination", "cooperation"));
        if (!relay.redrive(escalationId, update -> audit.holding(update, record))) {
            throw ProblemException.notFound("No parked hand-off for escalation " + escalationId);
        }
        audit.settle(relay.collection(), escalationId, record);
        return relay.find(escalationId, HandoffRow.class, FACTS).map(HandoffRow::view).orElseThrow();
    }

    record HandoffRow(String id, String caseId, String caseReference, String requestingCountry,
                      String destinationCountry, String requestType, Handoff handoff) {
        HandoffView view() {
            return new HandoffView(id, caseId, caseReference, requestingCountry, destinationCountry, requestType,
                    handoff.state().name(), handoff.attempts(), handoff.queuedAt(), handoff.nextAttemptAt(),
                    handoff.lastError(), handoff.parkedAt());
        }
    }

    record HandoffView(String escalationId, String caseId, String caseReference, String requestingCountry,
                       String destinationCountry, String requestType, String state, int attempts, Instant queuedAt,
                       Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }
}
