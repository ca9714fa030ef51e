package org.cyberreport.cooperation.request.web;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.Diffusion;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.RequestType;
import org.cyberreport.cooperation.request.desk.DiffusionDesk;
import org.cyberreport.cooperation.request.desk.DiffusionDesk.Whole;
import org.cyberreport.cooperation.request.web.RequestBodies.Handling;
import org.cyberreport.cooperation.request.web.RequestBodies.LegalBasisBody;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.web.Identifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping(path = "/api/cooperation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Diffusions", description = "One request to several countries at once, and one view of the whole")
class DiffusionController {

    private final DiffusionDesk desk;
    private final Clock clock;

    DiffusionController(DiffusionDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @PostMapping(path = "/diffusions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send one request to 2 to 50 countries (triage officer): all of them, or none with the reasons")
    DiffusionView send(Caller caller, @Valid @RequestBody DiffusionBody body) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        HandlingMarks marks = new HandlingMarks(body.handling().tlp(),
                body.handling().codes() == null ? null : new HashSet<>(body.handling().codes()), body.handling().permission());
        Diffusion.Ask ask = new Diffusion.Ask(body.caseReference(), body.type(),
                body.legalBasis() == null ? null : body.legalBasis().toBasis(), Boolean.TRUE.equals(body.urgent()),
                body.urgencyReason(), marks, body.content());
        String id = desk.send(caller, body.destinationCountries(), ask).id();
        return DiffusionView.of(desk.read(caller, id), clock.instant());
    }

    @GetMapping("/diffusions/{id}")
    @Operation(summary = "The whole diffusion: each country's delivery, acknowledgement, answer and due time, and the totals")
    DiffusionView read(Caller caller, @PathVariable @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String id) {
        return DiffusionView.of(desk.read(caller, id), clock.instant());
    }

    record DiffusionBody(
            @Size(max = 40) @Identifier String caseReference,
            @NotNull @Size(min = 2, max = DiffusionDesk.MAX_COUNTRIES)
            List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> destinationCountries,
            @NotNull RequestType type,
            @Valid LegalBasisBody legalBasis,
            Boolean urgent,
            @Size(max = 2000) String urgencyReason,
            @NotNull @Valid Handling handling,
            @NotNull @Valid RequestContent content) {
    }

    record CountryView(String country, String requestId, String status, String delivery, boolean delivered, Instant sentAt,
                       Instant acknowledgedAt, Instant answeredAt, Instant dueAt, boolean overdue, String refusalReason) {

        static CountryView of(String country, String requestId, CooperationRequest request, Instant now) {
            if (request == null) {
                return new CountryView(country, requestId, "NOT_SENT", null, false, null, null, null, null, false, null);
            }
            return new CountryView(country, request.id(), request.status().name(),
                    request.forwarding() == null ? "INBOX" : request.forwarding().state().name(), Whole.delivered(request),
                    request.sentAt(), request.acknowledgedAt(), request.answer() == null ? null : request.answer().at(),
                    request.dueAt(), request.isOverdue(now), request.refusalReason());
        }
    }

    record Totals(int countries, long delivered, long acknowledged, long answered, long refused, long overdue, long notSent) {
    }

    record DiffusionView(String id, String caseReference, RequestType type, boolean urgent, String createdBy, Instant createdAt,
                         Totals totals, List<CountryView> countries) {

        static DiffusionView of(Whole whole, Instant now) {
            List<CountryView> countries = whole.diffusion().countries().stream().map(country -> CountryView.of(country,
                    whole.diffusion().requestIdFor(country), whole.to(country).orElse(null), now)).toList();
            Totals totals = new Totals(countries.size(), whole.count(Whole::delivered),
                    whole.count(request -> request.acknowledgedAt() != null),
                    whole.count(request -> request.status() == RequestStatus.ANSWERED),
                    whole.count(request -> request.status() == RequestStatus.REFUSED), whole.count(request -> request.isOverdue(now)),
                    countries.stream().filter(country -> country.status().equals("NOT_SENT")).count());
            return new DiffusionView(whole.diffusion().id(), whole.diffusion().caseReference(), whole.diffusion().type(),
                    whole.diffusion().urgent(), whole.diffusion().createdBy(), whole.diffusion().createdAt(), totals, countries);
        }
    }
}
