package org.cyberreport.intake.report.web;

import java.time.Instant;

import org.cyberreport.intake.report.casestate.CaseState;
import org.cyberreport.intake.report.casestate.CaseStates;
import org.cyberreport.kit.problem.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Triage's copies of the reports' cases (service clients only; the gateway does not route it). */
@RestController
@Validated
@Hidden
class CaseStateController {

    private final CaseStates states;

    CaseStateController(CaseStates states) {
        this.states = states;
    }

    record CaseStateMessage(@Size(max = 100) String reportId,
                            @NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String caseReference,
                            @Pattern(regexp = "P[1-4]") String level,
                            @NotNull @Pattern(regexp = "NEW|IN_PROGRESS|CLOSED") String status,
                            @Size(max = 40) @Pattern(regexp = "[A-Z_]+") String outcome,
                            Instant closedAt, Instant changedAt, @Min(1) long version) {
    }

    @PutMapping(path = "/internal/reports/{id}/case", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> take(@PathVariable @Size(max = 100) String id, @Valid @RequestBody CaseStateMessage message) {
        if (!states.reportExists(id)) {
            throw ProblemException.notFound("No report " + id);
        }
        states.take(id, new CaseState(message.caseReference(), message.level(), message.status(), message.outcome(),
                message.closedAt(), message.changedAt(), message.version()));
        return ResponseEntity.noContent().build();
    }
}
