package org.cyberreport.triage.hitcheck;

import java.util.List;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Hit/no-hit", description = "Whether a partner country's platform holds an identifier, revealing nothing else")
class HitcheckController {

    static final String COOPERATION = "service-account-cooperation-service";

    private final Hitchecks hitchecks;

    HitcheckController(Hitchecks hitchecks) {
        this.hitchecks = hitchecks;
    }

    record Query(@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String partner,
                 @NotNull @Pattern(regexp = "IBAN|ACCOUNT|CRYPTO_ADDRESS|EMAIL|PHONE|URL|DOMAIN|IP_ADDRESS|SOCIAL_HANDLE",
                         message = "must be an identifier type such as IBAN, PHONE or URL") String type,
                 @NotBlank @Size(max = 2048) String value,
                 @Size(max = 40) @Pattern(regexp = "[A-Z_]+", message = "must be a chain such as ETHEREUM") String chain,
                 @Size(max = 100) String platform,
                 @NotBlank @Size(min = 5, max = 500) String purpose) {
    }

    @PostMapping(path = "/api/triage/hitchecks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask a partner's platform whether any of its reports names an identifier (oblivious: the "
            + "partner learns nothing of it); a hit gives the partner's reference and a pre-filled information request")
    Hitchecks.Answer ask(Caller caller, @Valid @RequestBody Query query) {
        return hitchecks.ask(caller, query.partner(), query.type(), query.value().strip(), query.chain(), query.platform(),
                query.purpose().strip());
    }

    record Blinded(@NotNull @Size(min = 1, max = 16) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> blinded) {
    }

    @PostMapping(path = "/internal/hitcheck/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The holder's part (cooperation, for a partner it verified): the key applied to blinded "
            + "identifiers, and the table")
    Hitchecks.Evaluation evaluate(Caller caller, @Valid @RequestBody Blinded blinded) {
        // cooperation's own account only: it checked the partner's signature, switch and rate first
        if (!COOPERATION.equals(caller.username())) {
            throw new org.cyberreport.kit.problem.ProblemException(org.cyberreport.kit.problem.ProblemKind.FORBIDDEN,
                    "Only cooperation asks for evaluations");
        }
        return hitchecks.evaluate(blinded.blinded());
    }
}
