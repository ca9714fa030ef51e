package org.cyberreport.cooperation.forwarding;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.Delivery;
import org.cyberreport.kit.outbox.RejectedDeliveryException;
import org.cyberreport.kit.security.Caller;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reply to a request received from a partner country's platform: its acknowledgement, answer or
 * refusal, as the request now stands, posted to the callback address the partner gave, signed (RFC 9421,
 * Ed25519, over {@code @method}, {@code @path}, {@code content-digest}, {@code content-type}) with this
 * platform's key, behind that country's breaker and bulkhead. A {@code 409} means the partner already has
 * that state (a repeat after a lost response): delivered.
 */
class ReplyDelivery implements Delivery {

    /** What a callback must cover, and the target itself: a reply cannot be replayed to another platform. */
    static final List<String> SIGNED = List.of("@method", "@target-uri", "@path", "content-digest", "content-type");
    private static final Caller RELAY = Caller.system("reply-relay");

    private final MongoConverter converter;
    private final EndpointGuard guard;
    private final JsonMapper json;
    private final SignedPost signedPost;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final AuditTrail audit;

    ReplyDelivery(MongoConverter converter, EndpointGuard guard, SigningKeys keys, JsonMapper json, Duration connectTimeout,
                  Duration timeout, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, AuditTrail audit, Clock clock) {
        this.converter = converter;
        this.guard = guard;
        this.json = json;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.audit = audit;
        this.signedPost = new SignedPost(keys, clock, connectTimeout, timeout);
    }

    @Override
    public void deliver(Document claimed) {
        CooperationRequest request = converter.read(CooperationRequest.class, claimed);
        if (request.received() == null) {
            throw new RejectedDeliveryException(0, "not a request received from a partner's platform");
        }
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("requestId", request.received().partnerRequestId());
        String action;
        if (request.status() == RequestStatus.ANSWERED) {
            action = "ANSWER";
            callback.put("action", action);
            callback.put("text", request.answer().text());
            if (!request.answer().evidence().isEmpty()) {
                callback.put("evidence", request.answer().evidence());
            }
            if (request.answer().fundsMovedOn() != null && !request.answer().fundsMovedOn().isEmpty()) {
                callback.put("fundsMovedOn", request.answer().fundsMovedOn());
            }
            if (request.preservedUntil() != null) {
                callback.put("preservedUntil", request.preservedUntil());
            }
        } else if (request.status() == RequestStatus.REFUSED) {
            action = "REFUSE";
            callback.put("action", action);
            callback.put("reason", request.refusalReason());
        } else if (request.status() == RequestStatus.ACKNOWLEDGED) {
            action = "ACKNOWLEDGE";
            callback.put("action", action);
        } else {
            throw new RejectedDeliveryException(0, "nothing to reply while the request is " + request.status());
        }
        URI endpoint = guard.check(request.received().callbackUrl());
        byte[] body = json.writeValueAsBytes(callback);
        String country = ForeignDelivery.COUNTRY + request.requestingCountry();
        CircuitBreaker breaker = breakers.circuitBreaker(country, "foreign");
        Bulkhead bulkhead = bulkheads.bulkhead(country, "foreign");
        Bulkhead.decorateRunnable(bulkhead, CircuitBreaker.decorateRunnable(breaker, () -> post(endpoint, body))).run();
        audit.record(RELAY, "REPLY_DISCLOSED", "request", request.id(), Map.of("recipient", request.requestingCountry(),
                "endpoint", endpoint.getHost(), "action", action, "contentDigest", MessageSignatures.contentDigest(body)));
    }

    /** A 409 means the asking platform has that state already (a repeat after a lost answer): taken. */
    private void post(URI endpoint, byte[] body) {
        signedPost.deliver(endpoint, body, SIGNED, status -> status == 409);
    }
}
