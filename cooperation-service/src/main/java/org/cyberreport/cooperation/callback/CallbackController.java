package org.cyberreport.cooperation.callback;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.cooperation.config.CooperationProperties;
import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.forwarding.MessageSignatures.SignatureRejected;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.cooperation.request.Answer.Evidence;
import org.cyberreport.cooperation.request.OnwardTransfer;
import org.cyberreport.kit.web.WithinDaysOfNow;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.desk.RequestDesk;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.web.Identifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a partner country's own system answers: no bearer token, but a signature (RFC 9421) by the key
 * the directory holds for that country, over method, path, body digest and content type, made within
 * the freshness window, with a nonce never seen before. It may act only on requests addressed to it.
 */
@RestController
@Tag(name = "Partner callbacks", description = "Signed answers from partner countries' systems")
class CallbackController {

    static final List<String> REQUIRED = PartnerSignatures.REQUIRED;

    private final PartnerSignatures signatures;
    private final SignedBodies bodies;
    private final RequestDesk desk;
    private final Clock clock;

    CallbackController(PartnerSignatures signatures, SignedBodies bodies, RequestDesk desk, Clock clock) {
        this.signatures = signatures;
        this.bodies = bodies;
        this.desk = desk;
        this.clock = clock;
    }

    @PostMapping(path = "/api/cooperation/callbacks/{country}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A partner's signed acknowledgement, answer or refusal")
    Map<String, String> callback(@PathVariable String country, @RequestBody byte[] body, HttpServletRequest http,
                                 @RequestHeader(name = "Signature-Input", required = false) String signatureInput,
                                 @RequestHeader(name = "Signature", required = false) String signature,
                                 @RequestHeader(name = "Content-Digest", required = false) String contentDigest) {
        signatures.verify(country, http, body, signatureInput, signature, contentDigest);
        Instant now = clock.instant();
        Callback callback = bodies.read(body, Callback.class, "callback");
        if (callback.requestId() == null || callback.action() == null
                || callback.action() == Action.ANSWER && (callback.text() == null || callback.text().isBlank())
                || callback.action() == Action.REFUSE && (callback.reason() == null || callback.reason().isBlank())) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, "A callback names a requestId and an action "
                    + "(ACKNOWLEDGE, ANSWER with a text, or REFUSE with a reason)");
        }
        List<OnwardTransfer> onward = callback.fundsMovedOn() == null ? List.of() : callback.fundsMovedOn();
        desk.checkOnward(onward);
        CooperationRequest changed = switch (callback.action()) {
            case ACKNOWLEDGE -> desk.applyCallback(country, callback.requestId(),
                    r -> r.acknowledge("liaison system " + country, now), "REQUEST_ACKNOWLEDGED");
            case ANSWER -> desk.applyCallback(country, callback.requestId(),
                    r -> r.answer(callback.text(), callback.evidence(), onward, callback.preservedUntil(), "liaison system " + country, now), "REQUEST_ANSWERED");
            case REFUSE -> desk.applyCallback(country, callback.requestId(),
                    r -> r.refuse(callback.reason(), "liaison system " + country, now), "REQUEST_REFUSED");
        };
        return Map.of("requestId", changed.id(), "status", changed.status().name());
    }

    enum Action { ACKNOWLEDGE, ANSWER, REFUSE }

    record Callback(@NotBlank @Size(max = 64) @Identifier String requestId, Action action,
                    @Size(max = 20_000) String text, @Size(max = 2000) String reason,
                    @Size(max = 50) List<@NotNull @Valid Evidence> evidence,
                    @Size(max = 20) List<@NotNull @Valid OnwardTransfer> fundsMovedOn,
                    @WithinDaysOfNow(past = 0, future = 3660) Instant preservedUntil) {
    }

}
