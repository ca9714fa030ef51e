package org.cyberreport.cooperation.directory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping(path = "/api/cooperation", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Liaison directory", description = "The member countries and how their requests reach them")
class DirectoryController {

    private final DirectoryStore directory;
    private final EndpointGuard guard;
    private final AuditTrail audit;
    private final SigningKeys keys;
    private final Clock clock;

    DirectoryController(DirectoryStore directory, EndpointGuard guard, AuditTrail audit, SigningKeys keys, Clock clock) {
        this.directory = directory;
        this.guard = guard;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    @GetMapping("/directory")
    @Operation(summary = "The liaison directory: every member country")
    List<DirectoryEntry> list() {
        return directory.all();
    }

    @GetMapping("/directory/{country}")
    DirectoryEntry read(@PathVariable String country) {
        return directory.find(country).orElseThrow(() -> ProblemException.notFound("No member country " + country));
    }

    @PutMapping(path = "/directory/{country}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a country's entry (admin): endpoints are checked against server-side request forgery")
    DirectoryEntry update(Caller caller, @PathVariable String country, @Valid @RequestBody EntryUpdate update) {
        DirectoryEntry current = read(country);
        if (update.delivery() == DirectoryEntry.Delivery.PUSH && (update.endpoint() == null || update.endpoint().isBlank())) {
            throw ProblemException.invalid(List.of(new FieldViolation("endpoint", "is required to push requests")));
        }
        if (update.endpoint() != null) {
            try {
                guard.check(update.endpoint());
            } catch (UnsafeEndpoint unsafe) {
                throw ProblemException.invalid(List.of(new FieldViolation("endpoint", unsafe.getMessage())));
            }
        }
        if (update.hitcheckEndpoint() != null) {
            try {
                guard.check(update.hitcheckEndpoint());
            } catch (UnsafeEndpoint unsafe) {
                throw ProblemException.invalid(List.of(new FieldViolation("hitcheckEndpoint", unsafe.getMessage())));
            }
        }
        if (Boolean.TRUE.equals(update.hitcheck()) && (update.partnerPublicKey() == null || update.hitcheckEndpoint() == null)) {
            throw ProblemException.invalid(List.of(new FieldViolation("hitcheck",
                    "needs the partner's public key (to verify its queries) and its hitcheckEndpoint (to ask it)")));
        }
        if (update.partnerPublicKey() != null && SigningKeys.publicKey(update.partnerPublicKey()) == null) {
            throw ProblemException.invalid(List.of(new FieldViolation("partnerPublicKey",
                    "must be an Ed25519 public key (X.509, Base64)")));
        }
        DirectoryEntry.Contact contact = update.contact() == null ? null
                : new DirectoryEntry.Contact(update.contact().office(), update.contact().phone(), update.contact().email());
        DirectoryEntry changed = new DirectoryEntry(country, current.name(), update.delivery(), update.endpoint(),
                update.partnerKeyId(), update.partnerPublicKey(), keys.keyId(), contact, clock.instant(),
                caller.username(), Boolean.TRUE.equals(update.hitcheck()) ? Boolean.TRUE : null, update.hitcheckEndpoint());
        directory.save(changed, audit, audit.prepare(caller, "DIRECTORY_CHANGED", "directory", country,
                Map.of("delivery", update.delivery().name(), "endpoint", String.valueOf(update.endpoint()),
                        "hitcheck", String.valueOf(Boolean.TRUE.equals(update.hitcheck())),
                        "hitcheckEndpoint", String.valueOf(update.hitcheckEndpoint()))));
        return changed;
    }

    @GetMapping("/signing-key")
    @Operation(summary = "The platform's public key that verifies what it sends (Ed25519, X.509, Base64)")
    Map<String, String> signingKey() {
        return Map.of("keyId", keys.keyId(), "algorithm", "ed25519", "publicKey", keys.publicKeyBase64());
    }

    record EntryUpdate(@NotNull DirectoryEntry.Delivery delivery, @Size(max = 500) String endpoint,
                       @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String partnerKeyId,
                       @Size(max = 200) String partnerPublicKey, @Valid Contact contact,
                       Boolean hitcheck, @Size(max = 500) String hitcheckEndpoint) {
    }

    record Contact(@Size(max = 200) String office, @Size(max = 20) @Pattern(regexp = "\\+[1-9][0-9]{1,14}") String phone,
                   @Size(max = 254) @Email String email) {
    }
}
