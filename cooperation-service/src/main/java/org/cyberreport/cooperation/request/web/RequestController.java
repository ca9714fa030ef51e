package org.cyberreport.cooperation.request.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.desk.RequestDesk;
import org.cyberreport.cooperation.request.web.RequestBodies.AnswerRequest;
import org.cyberreport.cooperation.request.web.RequestBodies.DraftRequest;
import org.cyberreport.cooperation.request.web.RequestBodies.ReasonRequest;
import org.cyberreport.cooperation.request.web.RequestBodies.SubmitRequest;
import org.cyberreport.cooperation.treaty.LegalBasisAdvisor;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping(path = "/api/cooperation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Requests", description = "Cross-border requests and the liaisons' inbox")
class RequestController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final RequestDesk desk;
    private final LegalBasisAdvisor bases;
    private final Clock clock;

    RequestController(RequestDesk desk, LegalBasisAdvisor bases, Clock clock) {
        this.desk = desk;
        this.bases = bases;
        this.clock = clock;
    }

    @PostMapping(path = "/requests", consumes = JSON)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a request (triage officer); with send=true it is sent at once if complete, "
            + "otherwise refused with 422 naming every missing item")
    RequestView draft(Caller caller, @Valid @RequestBody DraftRequest body) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        if (body.destinationCountry().equals(caller.country())) {
            throw ProblemException.invalid(List.of(new FieldViolation("destinationCountry", "must be another country")));
        }
        HandlingMarks marks = new HandlingMarks(body.handling().tlp(),
                body.handling().codes() == null ? null : new HashSet<>(body.handling().codes()), body.handling().permission());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LegalBasis basis = body.legalBasis() == null
                ? bases.propose(caller.country(), body.destinationCountry(), body.type(), today)
                : bases.chosen(body.legalBasis().toBasis(), caller.country(), body.destinationCountry(), body.type(), today);
        CooperationRequest draft = CooperationRequest.draft(UUID.randomUUID().toString(), "DRAFTED", null,
                body.caseReference(), caller.country(), body.destinationCountry(), body.type(), basis, body.isUrgent(), body.urgencyReason(), marks,
                body.content(), caller.username(), clock.instant());
        return RequestView.of(desk.create(caller, draft, body.sendNow()), false, clock.instant());
    }

    @PostMapping(path = "/requests/{id}/submission", consumes = JSON)
    @Operation(summary = "Complete a draft and send it")
    RequestView submit(Caller caller, @PathVariable String id, @Valid @RequestBody SubmitRequest body) {
        return RequestView.of(desk.submit(caller, id, body.content()), false, clock.instant());
    }

    @GetMapping("/requests")
    @Operation(summary = "The requests of the officer's country; with caseId, those about one of its cases (up to 100)")
    List<RequestView> own(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                          @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+",
                                  message = "must be a case id") String caseId) {
        List<CooperationRequest> requests = caseId == null ? desk.ownRequests(caller, page, size) : desk.caseRequests(caller, caseId);
        return requests.stream().map(r -> RequestView.of(r, false, clock.instant())).toList();
    }

    @GetMapping("/inbox")
    @Operation(summary = "The requests addressed to the liaison's country, soonest due first")
    List<RequestView> inbox(Caller caller, @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return desk.inbox(caller, page, size).stream().map(r -> RequestView.of(r, true, clock.instant())).toList();
    }

    @GetMapping("/requests/{id}")
    @Operation(summary = "A request, for its destination's liaison or its requesting country's officers")
    RequestView read(Caller caller, @PathVariable String id) {
        CooperationRequest request = desk.read(caller, id);
        return RequestView.of(request, !request.isRequestedBy(caller.country()), clock.instant());
    }

    @PostMapping("/requests/{id}/acknowledgement")
    RequestView acknowledge(Caller caller, @PathVariable String id) {
        return RequestView.of(desk.acknowledge(caller, id), true, clock.instant());
    }

    @PostMapping(path = "/requests/{id}/answer", consumes = JSON)
    RequestView answer(Caller caller, @PathVariable String id, @Valid @RequestBody AnswerRequest body) {
        return RequestView.of(desk.answer(caller, id, body.text(), body.toEvidence(),
                body.fundsMovedOn() == null ? List.of() : body.fundsMovedOn(), body.preservedUntil()), true, clock.instant());
    }

    @PostMapping(path = "/requests/{id}/refusal", consumes = JSON)
    RequestView refuse(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonRequest body) {
        return RequestView.of(desk.refuse(caller, id, body.reason()), true, clock.instant());
    }

    @PostMapping(path = "/requests/{id}/withdrawal", consumes = JSON)
    RequestView withdraw(Caller caller, @PathVariable String id, @Valid @RequestBody ReasonRequest body) {
        return RequestView.of(desk.withdraw(caller, id, body.reason()), false, clock.instant());
    }
}
