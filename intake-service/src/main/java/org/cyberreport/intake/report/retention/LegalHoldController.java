package org.cyberreport.intake.report.retention;

import java.time.Clock;
import java.util.Map;

import org.cyberreport.intake.report.store.ReportStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An administrator places a legal hold on a report (a court order, a pending request for assistance), so
 * that it is not erased at the end of its retention, and lifts it. Each is audited with its reason. The
 * administrator reads nothing of the report.
 */
@RestController
@RequestMapping(path = "/api/reports/{id}/legal-hold", produces = MediaType.APPLICATION_JSON_VALUE)
class LegalHoldController {

    private final Retention retention;
    private final ReportStore reports;
    private final AuditTrail audit;
    private final Clock clock;

    LegalHoldController(Retention retention, ReportStore reports, AuditTrail audit, Clock clock) {
        this.retention = retention;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    record HoldRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record HoldView(String reportId, boolean held, String reason, String by) {
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldView place(Caller caller, @PathVariable String id, @Valid @RequestBody HoldRequest request) {
        if (reports.findById(id).isEmpty()) {
            throw ProblemException.notFound("No report " + id);
        }
        AuditRecord record = audit.prepare(caller, "LEGAL_HOLD_PLACED", "report", id, Map.of("reason", request.reason()));
        if (!retention.hold(id, caller.username(), request.reason(), clock.instant(), audit.pending(record))) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "Report " + id + " is being erased at the end of its "
                    + "retention; the hold comes too late");
        }
        audit.settle(Retention.COLLECTION, id, record);
        return new HoldView(id, true, request.reason(), caller.username());
    }

    @DeleteMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    HoldView lift(Caller caller, @PathVariable String id, @Valid @RequestBody HoldRequest request) {
        AuditRecord record = audit.prepare(caller, "LEGAL_HOLD_LIFTED", "report", id, Map.of("reason", request.reason()));
        if (!retention.lift(id, audit.pending(record))) {
            throw ProblemException.notFound("No legal hold on report " + id);
        }
        audit.settle(Retention.COLLECTION, id, record);
        return new HoldView(id, false, request.reason(), caller.username());
    }
}
