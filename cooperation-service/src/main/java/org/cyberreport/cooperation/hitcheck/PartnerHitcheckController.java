package org.cyberreport.cooperation.hitcheck;

import java.util.List;
import java.util.Map;

import org.cyberreport.cooperation.callback.PartnerSignatures;
import org.cyberreport.cooperation.callback.SignedBodies;
import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The holder's side of hit/no-hit: a partner platform's signed query (blinded identifiers only), answered
 * when an administrator switched hit/no-hit on for that country, within its rate, audited without
 * anything of the query but its size. The blinded elements are random points: nothing here, stored or
 * logged, relates them to an identifier.
 */
@RestController
@Tag(name = "Partner hit/no-hit", description = "Partner platforms' signed, blinded hit/no-hit queries")
class PartnerHitcheckController {

    private final PartnerSignatures signatures;
    private final DirectoryStore directory;
    private final HolderTriage triage;
    private final RateLimiterRegistry limiters;
    private final HitcheckSettings settings;
    private final AuditTrail audit;
    private final SignedBodies bodies;

    PartnerHitcheckController(PartnerSignatures signatures, DirectoryStore directory, HolderTriage triage,
                              RateLimiterRegistry limiters, HitcheckSettings settings, AuditTrail audit, SignedBodies bodies) {
        this.signatures = signatures;
        this.directory = directory;
        this.triage = triage;
        this.limiters = limiters;
        this.settings = settings;
        this.audit = audit;
        this.bodies = bodies;
    }

    record Query(@NotNull @Size(min = 1, max = 8) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String> blinded) {
    }

    @PostMapping(path = "/api/cooperation/partners/{country}/hitcheck", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A partner platform's signed hit/no-hit query: its blinded identifiers with our key applied, and our table")
    HolderTriage.Evaluation answer(@PathVariable String country, @RequestBody byte[] body, HttpServletRequest http,
                                   @RequestHeader(name = "Signature-Input", required = false) String signatureInput,
                                   @RequestHeader(name = "Signature", required = false) String signature,
                                   @RequestHeader(name = "Content-Digest", required = false) String contentDigest) {
        signatures.verify(country, http, body, signatureInput, signature, contentDigest);
        DirectoryEntry partner = directory.find(country).filter(DirectoryEntry::hitcheckOn)
                .orElseThrow(() -> new ProblemException(ProblemKind.FORBIDDEN,
                        "Hit/no-hit is not switched on for " + country));
        Query query = bodies.read(body, Query.class, "query");
        RateLimiter limiter = limiters.rateLimiter(HitcheckConfiguration.LIMITER + country, HitcheckConfiguration.LIMITER);
        if (!limiter.acquirePermission(query.blinded().size())) {
            audit.record(Caller.system("partner " + country), "HITCHECK_REFUSED", "partner", country,
                    Map.of("reason", "rate limit (" + settings.identifiersPerMinute() + " identifiers a minute)"));
            throw new ProblemException(ProblemKind.RATE_LIMITED, "Too many hit/no-hit queries from " + country
                    + ": at most " + settings.identifiersPerMinute() + " identifiers a minute");
        }
        HolderTriage.Evaluation evaluation = triage.evaluate(query.blinded());
        audit.record(Caller.system("partner " + partner.country()), "HITCHECK_ANSWERED", "partner", country, Map.of(
                "identifiers", String.valueOf(query.blinded().size()),
                "tableEntries", String.valueOf(evaluation.entries() == null ? 0 : evaluation.entries().size())));
        return evaluation;
    }
}
