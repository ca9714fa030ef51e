package org.cyberreport.cooperation.forwarding;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
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
 * Sends a request to its destination country's endpoint, signed (RFC 9421). Each country has its own
 * circuit breaker and bulkhead, so one that fails or hangs holds back only its own requests. The
 * endpoint is checked against server-side request forgery again before every call, and redirects are
 * never followed. Every delivery is recorded as a disclosure: what was sent, to whom, on which basis.
 */
final class ForeignDelivery implements Delivery {

    /** The prefix of each country's breaker and bulkhead: {@code country-FR}. */
    static final String COUNTRY = "country-";
    static final List<String> SIGNED = List.of("@method", "@target-uri", "@path", "content-digest", "content-type");
    private static final Caller RELAY = new Caller("cooperation-relay", "cooperation relay", Set.of("service"), null,
            null, "cooperation-service");

    private final MongoConverter converter;
    private final DirectoryStore directory;
    private final EndpointGuard guard;
    private final JsonMapper json;
    private final SignedPost signedPost;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final AuditTrail audit;
    private final String callbackBase;

    ForeignDelivery(MongoConverter converter, DirectoryStore directory, EndpointGuard guard, SigningKeys keys,
                    JsonMapper json, Duration connectTimeout, Duration timeout, CircuitBreakerRegistry breakers,
                    BulkheadRegistry bulkheads, AuditTrail audit, String callbackBase, Clock clock) {
        this.converter = converter;
        this.directory = directory;
        this.guard = guard;
        this.json = json;
        this.signedPost = new SignedPost(keys, clock, connectTimeout, timeout);
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.audit = audit;
        this.callbackBase = callbackBase;
    }

    @Override
    public void deliver(Document claimed) {
        CooperationRequest request = converter.read(CooperationRequest.class, claimed);
        if (request.status() == RequestStatus.WITHDRAWN) {
            throw new RejectedDeliveryException(0, "the request was withdrawn; nothing sent");
        }
        DirectoryEntry entry = directory.find(request.destinationCountry())
                .filter(DirectoryEntry::pushes)
                .orElseThrow(() -> new RejectedDeliveryException(0, "no endpoint for " + request.destinationCountry()));
        URI endpoint = guard.check(entry.endpoint());
        byte[] body = json.writeValueAsBytes(ForwardedRequest.of(request, callbackBase));
        String country = COUNTRY + request.destinationCountry();
        CircuitBreaker breaker = breakers.circuitBreaker(country, "foreign");
        Bulkhead bulkhead = bulkheads.bulkhead(country, "foreign");
        Bulkhead.decorateRunnable(bulkhead, CircuitBreaker.decorateRunnable(breaker, () -> post(endpoint, body))).run();
        audit.record(RELAY, "REQUEST_DISCLOSED", "request", request.id(), Map.of(
                "recipient", request.destinationCountry(), "endpoint", endpoint.getHost(),
                "type", request.type().name(), "legalBasis", request.legalBasis().instrument() + " " + request.legalBasis().article(),
                "victimData", String.valueOf(!request.contentForDestination().victims().isEmpty()),
                "contentDigest", MessageSignatures.contentDigest(body),
                "handling", request.handling() == null ? "none" : request.handling().tlp() + " " + request.handling().codes()));
    }

    private void post(URI endpoint, byte[] body) {
        signedPost.deliver(endpoint, body, SIGNED, status -> false);
    }
}
