package org.cyberreport.intake.report.web;

import java.net.URI;
import java.time.Instant;

import org.cyberreport.intake.report.ReportCategory;
import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.intake.report.ReportStatus;
import org.cyberreport.intake.report.filing.Filed;
import org.cyberreport.intake.report.filing.ReportAmendment;
import org.cyberreport.intake.report.filing.ReportDesk;
import org.cyberreport.intake.report.filing.ReportQuery;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.web.TimeWindow;
import org.cyberreport.intake.report.casestate.CaseStates;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Cybercrime reports filed by police units")
class ReportController {

    private final ReportDesk desk;
    private final CaseStates caseStates;

    ReportController(ReportDesk desk, CaseStates caseStates) {
        this.desk = desk;
        this.caseStates = caseStates;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "File a report", description = "Idempotent per caller and Idempotency-Key: the same key "
            + "and body return the same report; the same key with another body is refused with 422.")
    @ApiResponse(responseCode = "201", description = "Filed (or the earlier identical filing, with Idempotent-Replayed: true)")
    @ApiResponse(responseCode = "422", description = "The key was used with a different body", useReturnTypeSchema = false)
    ResponseEntity<ReportResponse> file(Caller caller,
            @Parameter(description = "8 to 128 characters; a new UUID per report is a good choice")
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody ReportContent report) {
        Filed filed = desk.file(caller, idempotencyKey, report);
        return ResponseEntity.created(URI.create("/api/reports/" + filed.report().id()))
                .eTag(etag(filed.report().version()))
                .header("Idempotent-Replayed", String.valueOf(filed.replayed()))
                .body(ReportResponse.of(filed.report()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a report within the caller's unit (reporter) or country (triage officer)")
    ResponseEntity<ReportResponse> read(Caller caller, @PathVariable String id) {
        var report = desk.read(caller, id);
        return ResponseEntity.ok().eTag(etag(report.version()))
                .body(ReportResponse.of(report, caseStates.find(report.id()).orElse(null)));
    }

    @GetMapping
    @Operation(summary = "List reports within the caller's scope, newest first")
    ReportPage list(Caller caller,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(required = false) ReportCategory category,
            @Parameter(description = "Received at or after (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant receivedFrom,
            @Parameter(description = "Received before (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant receivedTo,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TimeWindow.requireWithin("receivedFrom", receivedFrom);
        TimeWindow.requireWithin("receivedTo", receivedTo);
        var slice = desk.list(caller, new ReportQuery(status, category, receivedFrom, receivedTo, page, size));
        var states = caseStates.findAll(slice.items().stream().map(report -> report.id()).toList());
        return new ReportPage(slice.items().stream().map(report -> ReportSummary.of(report, states.get(report.id()))).toList(),
                page, size, slice.total(),
                (slice.total() + size - 1) / size);
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend a report of the caller's unit; the change is appended to its history")
    ResponseEntity<ReportResponse> amend(Caller caller, @PathVariable String id,
            @Parameter(description = "The version the change is based on, as returned in ETag")
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AmendReportRequest amendment) {
        var report = desk.amend(caller, id, version(ifMatch), new ReportAmendment(amendment.reason(), amendment::applyTo));
        return ResponseEntity.ok().eTag(etag(report.version())).body(ReportResponse.of(report));
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw a report of the caller's unit, with a reason")
    ResponseEntity<ReportResponse> withdraw(Caller caller, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody WithdrawReportRequest withdrawal) {
        var report = desk.withdraw(caller, id, version(ifMatch), withdrawal.reason());
        return ResponseEntity.ok().eTag(etag(report.version())).body(ReportResponse.of(report));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String value = ifMatch.startsWith("W/") ? ifMatch.substring(2) : ifMatch;
        value = value.replace("\"", "").trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAVersion) {
            throw new ProblemException(ProblemKind.MISSING_HEADER, "If-Match must be a version as returned in ETag");
        }
    }

}
