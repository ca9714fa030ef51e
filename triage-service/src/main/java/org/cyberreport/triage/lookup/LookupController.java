package org.cyberreport.triage.lookup;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Validated
@RequestMapping(path = "/api/triage", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Lookup", description = "Whether any report names an identifier the officer holds")
class LookupController {

    private final IdentifierLookup lookup;

    LookupController(IdentifierLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/lookup")
    @Operation(summary = "The cases of the officer's country that name an identifier (normalised as correlation does), "
            + "and only which other countries hold any; audited with the stated purpose")
    IdentifierLookup.Answer lookup(Caller caller,
                                   @RequestParam @Pattern(regexp = "IBAN|ACCOUNT|CRYPTO_ADDRESS|EMAIL|PHONE|URL|DOMAIN|IP_ADDRESS|SOCIAL_HANDLE",
                                           message = "must be an identifier type such as IBAN, PHONE or URL") String type,
                                   @RequestParam @NotBlank @Size(max = 2048) String value,
                                   @RequestParam(required = false) @Size(max = 40)
                                   @Pattern(regexp = "[A-Z_]+", message = "must be a chain such as ETHEREUM") String chain,
                                   @RequestParam(required = false) @Size(max = 100) String platform,
                                   @RequestParam @NotBlank @Size(min = 5, max = 500) String purpose) {
        return lookup.lookup(caller, type, value.strip(), chain, platform, purpose.strip());
    }
}
