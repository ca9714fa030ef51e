package org.cyberreport.intake.report.web;

import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.casestate.CaseState;
import org.cyberreport.intake.report.casestate.CaseStates;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Triage's copies of the reports' cases, a page at a time (service clients only; the gateway does not
 * route it). Each copy is kept unless a newer one of its case is; a copy of a report intake does not
 * hold is counted and skipped, never an error for the page.
 */
@RestController
@Validated
@Hidden
class CaseStateController {

    private final CaseStates states;

    CaseStateController(CaseStates states) {
        this.states = states;
    }

    record Copy(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String reportId,
                @NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String caseReference,
                @Pattern(regexp = "P[1-4]") String level,
                @NotNull @Pattern(regexp = "NEW|IN_PROGRESS|CLOSED") String status,
                @Size(max = 40) @Pattern(regexp = "[A-Z_]+") String outcome,
                Instant closedAt, Instant changedAt, @Min(1) long version) {
    }

    record Copies(@NotNull @Size(max = 500) List<@Valid @NotNull Copy> copies) {
    }

    /** @param kept how many copies were newer than those held; skipped: copies of reports intake does not hold */
    record Taken(int received, int kept, int skipped) {
    }

    @PutMapping(path = "/internal/case-states", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Taken take(Caller caller, @Valid @RequestBody Copies body) {
        // only triage's own service account sends its cases' state (another service's account holds the same
        // role; a forged closure would start a report's retention clock)
        if (!"service-account-triage-service".equals(caller.username())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only triage sends the state of its cases");
        }
        int kept = 0;
        int skipped = 0;
        for (Copy copy : body.copies()) {
            switch (states.take(copy.reportId(), new CaseState(copy.caseReference(), copy.level(), copy.status(),
                    copy.outcome(), copy.closedAt(), copy.changedAt(), copy.version()))) {
                case KEPT -> kept++;
                case NO_SUCH_REPORT -> skipped++;
                case OLDER -> { }
            }
        }
        return new Taken(body.copies().size(), kept, skipped);
    }
}
