package org.cyberreport.triage.casework.web;

import java.util.List;

import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.desk.Supervision;
import org.cyberreport.triage.casework.web.CaseViews.CasePage;
import org.cyberreport.triage.casework.web.CaseViews.CaseSummary;
import org.cyberreport.triage.scoring.Level;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Validated
@RequestMapping(path = "/api/triage/supervision", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervision", description = "The triage supervisor's view of the country: who holds what, what is overdue, reassignment")
class SupervisionController {

    private final Supervision supervision;

    SupervisionController(Supervision supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/cases")
    @Operation(summary = "The country's queue with the officer holding each case; optionally only one officer's cases")
    CasePage queue(Caller caller, @RequestParam(required = false) CaseStatus status, @RequestParam(required = false) Level level,
                   @RequestParam(required = false) @Size(max = 255) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+",
                           message = "must be a user name") String heldBy,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var slice = supervision.queue(caller, status, level, heldBy, page, size);
        return new CasePage(slice.items().stream().map(CaseSummary::of).toList(), page, size, slice.total(),
                (slice.total() + size - 1) / size);
    }

    @GetMapping("/officers")
    @Operation(summary = "The country's triage officers, with the open cases each holds and how many are overdue")
    List<Supervision.OfficerLoad> officers(Caller caller) {
        return supervision.officers(caller);
    }

    @GetMapping("/overdue")
    @Operation(summary = "What is past its due time, by officer (null: nobody holds it) and by level")
    Supervision.OverdueSummary overdue(Caller caller) {
        return supervision.overdue(caller);
    }

    record ReassignRequest(@NotBlank @Size(max = 255) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+", message = "must be a user name")
                           String officer,
                           @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping(path = "/cases/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Give a case to another officer of the country, with a reason; a closed case answers 409")
    CaseSummary reassign(Caller caller, @PathVariable @Size(max = 100) String id, @Valid @RequestBody ReassignRequest request) {
        return CaseSummary.of(supervision.reassign(caller, id, request.officer(), request.reason()));
    }
}
