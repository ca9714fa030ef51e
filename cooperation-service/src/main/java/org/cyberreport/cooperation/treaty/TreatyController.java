package org.cyberreport.cooperation.treaty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.RequestType;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping(path = "/api/cooperation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Treaty table", description = "Which countries each instrument binds, and the legal basis it proposes")
class TreatyController {

    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    private final TreatyTable table;
    private final LegalBasisAdvisor advisor;
    private final DirectoryStore directory;
    private final AuditTrail audit;
    private final Clock clock;

    TreatyController(TreatyTable table, LegalBasisAdvisor advisor, DirectoryStore directory, AuditTrail audit, Clock clock) {
        this.table = table;
        this.advisor = advisor;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/treaties")
    @Operation(summary = "The treaty table: every country's standing under each instrument, with its source and date")
    List<TreatyParty> list() {
        return table.all();
    }

    @PutMapping(path = "/treaties/{instrument}/{country}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a country's standing under an instrument (admin), with its source; audited")
    TreatyParty put(Caller caller, @PathVariable Instrument instrument,
                    @PathVariable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
                    @Valid @RequestBody Standing standing) {
        if (directory.find(country).isEmpty()) {
            throw ProblemException.notFound("No member country " + country);
        }
        List<FieldViolation> wrong = new ArrayList<>();
        LocalDate signed = day("signedOn", standing.signedOn(), wrong);
        LocalDate inForce = day("inForceFrom", standing.inForceFrom(), wrong);
        day("sourceDate", standing.sourceDate(), wrong);
        if (signed != null && inForce != null && inForce.isBefore(signed)) {
            wrong.add(new FieldViolation("inForceFrom", "is before signedOn"));
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        TreatyParty row = new TreatyParty(TreatyParty.idOf(instrument, country), instrument, country, standing.signedOn(),
                standing.inForceFrom(), standing.source().strip(), standing.sourceDate(), caller.username(), clock.instant());
        table.save(row, audit, audit.prepare(caller, "TREATY_PARTY_CHANGED", "treaty", row.id(), Map.of(
                "signedOn", String.valueOf(row.signedOn()), "inForceFrom", String.valueOf(row.inForceFrom()),
                "source", row.source(), "sourceDate", row.sourceDate())));
        return row;
    }

    @DeleteMapping("/treaties/{instrument}/{country}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a country's row (admin): it is then not a party; audited")
    void remove(Caller caller, @PathVariable Instrument instrument,
                @PathVariable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
        String id = TreatyParty.idOf(instrument, country);
        if (!table.remove(instrument, country, audit, audit.prepare(caller, "TREATY_PARTY_REMOVED", "treaty", id, Map.of()))) {
            throw ProblemException.notFound("No row for " + country + " under " + instrument);
        }
    }

    @GetMapping("/legal-basis")
    @Operation(summary = "The legal basis the treaty table proposes for a request from the caller's country, with the reasoning")
    LegalBasis propose(Caller caller,
                       @RequestParam @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destination,
                       @RequestParam RequestType type,
                       @RequestParam(required = false) @Pattern(regexp = DAY, message = "must be a day (YYYY-MM-DD)") String on) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        if (destination.equals(caller.country())) {
            throw ProblemException.invalid(List.of(new FieldViolation("destination", "must be another country")));
        }
        if (directory.find(destination).isEmpty()) {
            throw ProblemException.invalid(List.of(new FieldViolation("destination", "is not a member country in the liaison directory")));
        }
        List<FieldViolation> wrong = new ArrayList<>();
        LocalDate day = on == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : day("on", on, wrong);
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        return advisor.propose(caller.country(), destination, type, day);
    }

    private static LocalDate day(String field, String value, List<FieldViolation> wrong) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            wrong.add(new FieldViolation(field, "is not a calendar day"));
            return null;
        }
    }

    record Standing(@Size(max = 10) @Pattern(regexp = DAY, message = "must be a day (YYYY-MM-DD)") String signedOn,
                    @Size(max = 10) @Pattern(regexp = DAY, message = "must be a day (YYYY-MM-DD)") String inForceFrom,
                    @NotBlank @Size(max = 300) String source,
                    @NotBlank @Size(max = 10) @Pattern(regexp = DAY, message = "must be a day (YYYY-MM-DD)") String sourceDate) {
    }
}
