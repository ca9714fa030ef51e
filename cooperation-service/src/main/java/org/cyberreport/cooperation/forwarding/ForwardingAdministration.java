package org.cyberreport.cooperation.forwarding;

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
import jakarta.validation.constraints.Pattern;

/** For an administrator: deliveries abroad by state, and re-driving parked ones. Delivery facts only. */
@RestController
@RequestMapping(path = "/api/cooperation/forwarding", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Forwarding", description = "Deliveries to partner endpoints (administrators)")
class ForwardingAdministration {

    private static final String[] FACTS = {"destinationCountry", "type"};

    private final OutboxRelay relay;
    private final AuditTrail audit;

    ForwardingAdministration(OutboxRelay relay, AuditTrail audit) {
        this.relay = relay;
        this.audit = audit;
        audit.holdsPendingRecords(relay.collection());
    }

    @GetMapping
    @Operation(summary = "Deliveries in a state (PARKED by default)")
    List<DeliveryView> list(@RequestParam(defaultValue = "PARKED") @Pattern(regexp = "PENDING|DELIVERED|PARKED|CANCELLED")
                            String state, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return relay.list(HandoffState.valueOf(state), limit, Row.class, FACTS).stream().map(Row::view).toList();
    }

    @PostMapping("/{requestId}/redrive")
    @Operation(summary = "Put a parked delivery back in line, now")
    Map<String, String> redrive(Caller caller, @PathVariable String requestId) {
        // the re-drive and its audit record in one write
        AuditRecord record = audit.prepare(caller, "FORWARDING_REDRIVEN", "request", requestId, Map.of());
        if (!relay.redrive(requestId, update -> audit.holding(update, record))) {
            throw ProblemException.notFound("No parked delivery for request " + requestId);
        }
        audit.settle(relay.collection(), requestId, record);
        return Map.of("requestId", requestId, "state", "PENDING");
    }

    record Row(String id, String destinationCountry, String type, Handoff forwarding) {
        DeliveryView view() {
            return new DeliveryView(id, destinationCountry, type, forwarding.state().name(), forwarding.attempts(),
                    forwarding.nextAttemptAt(), forwarding.lastError(), forwarding.parkedAt());
        }
    }

    record DeliveryView(String requestId, String destinationCountry, String type, String state, int attempts,
                        Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }
}
