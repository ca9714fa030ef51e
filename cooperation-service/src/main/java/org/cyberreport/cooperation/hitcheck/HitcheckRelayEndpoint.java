package org.cyberreport.cooperation.hitcheck;

import java.util.List;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
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

/** Triage's way to a partner platform: its blinded identifiers, signed and sent by cooperation. Not routed by the gateway. */
@RestController
@Validated
@Tag(name = "Internal", description = "Service-to-service endpoints")
class HitcheckRelayEndpoint {

    private final PartnerQueries partners;

    HitcheckRelayEndpoint(PartnerQueries partners) {
        this.partners = partners;
    }

    record Blinded(@NotNull @Size(min = 1, max = 8) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> blinded) {
    }

    @PostMapping(path = "/internal/hitchecks/{partner}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Blinded identifiers from triage, signed to the partner's platform; its answer back")
    HolderTriage.Evaluation ask(Caller caller,
                                @PathVariable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String partner,
                                @Valid @RequestBody Blinded blinded) {
        // triage's own account only: it holds the officer's question, its purpose and its audit
        if (!"service-account-triage-service".equals(caller.username())) {
            throw new org.cyberreport.kit.problem.ProblemException(org.cyberreport.kit.problem.ProblemKind.FORBIDDEN,
                    "Only triage asks partners");
        }
        return partners.ask(caller, partner, blinded.blinded());
    }
}
