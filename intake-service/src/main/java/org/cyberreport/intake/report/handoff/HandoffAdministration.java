package org.cyberreport.intake.report.handoff;

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

/**
 * For an administrator: the hand-offs to triage by state (those parked after too many failed attempts
 * by default), and re-driving parked ones. Shows delivery facts only, never report content.
 */
@RestController
@RequestMapping(path = "/api/reports/handoffs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hand-offs", description = "Deliveries of reports to triage (administrators)")
class HandoffAdministration {

    private static final String[] FACTS = {"reference", "country"};

    private final OutboxRelay relay;
    private final AuditTrail audit;

    HandoffAdministration(OutboxRelay relay, AuditTrail audit) {
        this.relay = relay;
        this.audit = audit;
        audit.holdsPendingRecords(relay.collection());
    }

    @GetMapping
    @Operation(summary = "List hand-offs in a state (PARKED by default)")
    List<HandoffView> list(Caller caller, @RequestParam(defaultValue = "PARKED") HandoffState state,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return relay.list(state, limit, HandoffRow.class, FACTS).stream().map(HandoffRow::view).toList();
    }

    @PostMapping("/{reportId}/redrive")
    @Operation(summary = "Put a parked hand-off back in line, now")
    HandoffView redrive(Caller caller, @PathVariable String reportId) {
        // the re-drive and its audit record in one write
        AuditRecord record = audit.prepare(caller, "HANDOFF_REDRIVEN", "report", reportId, Map.of("destination", "triage"));
        if (!relay.redrive(reportId, update -> audit.holding(update, record))) {
            throw ProblemException.notFound("No parked hand-off for report " + reportId);
        }
        audit.settle(relay.collection(), reportId, record);
        return relay.find(reportId, HandoffRow.class, FACTS).map(HandoffRow::view).orElseThrow();
    }

    record HandoffRow(String id, String reference, String country, Handoff handoff) {
        HandoffView view() {
            return new HandoffView(id, reference, country, handoff.version(), handoff.state().name(), handoff.attempts(),
                    handoff.queuedAt(), handoff.nextAttemptAt(), handoff.lastError(), handoff.parkedAt());
        }
    }

    record HandoffView(String reportId, String reference, String country, long version, String state, int attempts,
                       Instant queuedAt, Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }
}
