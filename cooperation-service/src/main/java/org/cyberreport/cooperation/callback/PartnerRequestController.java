package org.cyberreport.cooperation.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.directory.UnsafeEndpoint;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.PaymentChain;
import org.cyberreport.cooperation.request.Received;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestType;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.web.Identifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where another country's platform delivers a request (what its forwarding sends, signed by its key): the
 * request joins this platform's inbox for the destination's liaisons, who acknowledge, answer or refuse it
 * here as any other; each of those goes back, signed, to the callback address it came with.
 */
@RestController
@Tag(name = "Partner requests", description = "Requests delivered by partner countries' platforms, signed")
class PartnerRequestController {

    private final PartnerSignatures signatures;
    private final RequestStore store;
    private final EndpointGuard guard;
    private final AuditTrail audit;
    private final SignedBodies bodies;
    private final Clock clock;
    private final org.cyberreport.cooperation.directory.DirectoryStore directory;
    private final org.cyberreport.cooperation.config.CooperationProperties properties;

    PartnerRequestController(PartnerSignatures signatures, SignedBodies bodies, RequestStore store, EndpointGuard guard,
                             AuditTrail audit, Clock clock, org.cyberreport.cooperation.directory.DirectoryStore directory,
                             org.cyberreport.cooperation.config.CooperationProperties properties) {
        this.directory = directory;
        this.properties = properties;
        this.signatures = signatures;
        this.bodies = bodies;
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    record Inbound(@NotBlank @Size(max = 64) @Identifier String requestId,
                   @NotNull @Pattern(regexp = "[A-Z]{2}") String requestingCountry,
                   @NotNull @Pattern(regexp = "[A-Z]{2}") String destinationCountry,
                   @NotNull @Pattern(regexp = "PRESERVATION|INFORMATION_REQUEST|MUTUAL_LEGAL_ASSISTANCE|PAYMENT_STOP|ASSET_TRACING") String type,
                   @Valid Basis legalBasis, boolean urgent, Instant sentAt, Instant dueAt, Instant preservationExpiresAt,
                   @Size(max = 40) @Identifier String caseReference, @Valid Marks handling,
                   @NotNull @Valid RequestContent content, @Valid PaymentChain chain,
                   @NotBlank @Size(max = 500) String callbackUrl) {
    }

    record Basis(@NotBlank @Size(max = 200) String instrument, @NotBlank @Size(max = 100) String article,
                 @Size(max = 20) List<@NotBlank @Size(max = 1000) String> reasoning) {
    }

    record Marks(@NotNull @Pattern(regexp = "CLEAR|GREEN|AMBER|AMBER_STRICT|RED") String tlp,
                 @Size(max = 4) Set<@NotNull @Pattern(regexp = "H[0-3]") String> codes) {
    }

    @PostMapping(path = "/api/cooperation/partners/{country}/requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "A request delivered by a partner country's platform, signed by its key; it joins the destination's inbox")
    Map<String, String> receive(@PathVariable String country, @RequestBody byte[] body, HttpServletRequest http,
                                @RequestHeader(name = "Signature-Input", required = false) String signatureInput,
                                @RequestHeader(name = "Signature", required = false) String signature,
                                @RequestHeader(name = "Content-Digest", required = false) String contentDigest) {
        signatures.verify(country, http, body, signatureInput, signature, contentDigest);
        Inbound inbound = bodies.read(body, Inbound.class, "request");
        List<String> home = properties.homeCountries().stream().filter(code -> !code.isBlank()).toList();
        if (!home.isEmpty() && !home.contains(inbound.destinationCountry())) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "This platform takes requests for " + String.join(", ", home)
                    + " only", List.of(new FieldViolation("destinationCountry", "is not a country of this platform")));
        }
        if (!inbound.requestingCountry().equals(country) || inbound.destinationCountry().equals(country)) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "A partner sends its own requests, to another country",
                    List.of(new FieldViolation("requestingCountry", "must be " + country + ", the signer's country")));
        }
        java.net.URI callback;
        try {
            callback = guard.check(inbound.callbackUrl());
        } catch (UnsafeEndpoint unsafe) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The callback address is refused",
                    List.of(new FieldViolation("callbackUrl", unsafe.getMessage())));
        }
        // the answer goes back only to the partner's own platform: the host its directory entry names
        java.util.Set<String> partnerHosts = directory.find(country).stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.endpoint(), entry.hitcheckEndpoint()))
                .filter(java.util.Objects::nonNull).map(endpoint -> java.net.URI.create(endpoint).getHost())
                .filter(java.util.Objects::nonNull).map(host -> host.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        if (callback.getHost() == null || !partnerHosts.contains(callback.getHost().toLowerCase(java.util.Locale.ROOT))) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The callback address is refused",
                    List.of(new FieldViolation("callbackUrl", "must be on the host of " + country
                            + "'s endpoint in the liaison directory")));
        }
        Instant now = clock.instant();
        String id = CooperationRequest.derivedId(country + "/" + inbound.requestId(), "received");
        HandlingMarks marks = inbound.handling() == null ? null
                : new HandlingMarks(inbound.handling().tlp(), inbound.handling().codes(), null);
        LegalBasis basis = inbound.legalBasis() == null ? null
                : new LegalBasis(inbound.legalBasis().instrument(), inbound.legalBasis().article(), inbound.legalBasis().reasoning());
        CooperationRequest received;
        try {
            received = CooperationRequest.receivedFrom(id, new Received(inbound.requestId(), inbound.callbackUrl(), now),
                    inbound.caseReference(), country, inbound.destinationCountry(), RequestType.valueOf(inbound.type()), basis,
                    inbound.urgent(), marks, inbound.content(), inbound.chain(), inbound.sentAt(), inbound.dueAt(),
                    inbound.preservationExpiresAt(), now);
        } catch (IllegalArgumentException refused) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, refused.getMessage());
        }
        Caller partner = Caller.system("platform of " + country);
        AuditRecord record = audit.prepare(partner, "REQUEST_RECEIVED", "request", id, Map.of("from", country,
                "partnerRequestId", inbound.requestId(), "type", inbound.type(), "destination", inbound.destinationCountry()));
        if (store.insert(received, audit.pending(record))) {
            audit.settle(RequestStore.COLLECTION, id, record);
        }
        return Map.of("requestId", id, "status", "RECEIVED");
    }
}
