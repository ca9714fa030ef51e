package org.cyberreport.cooperation.hitcheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cyberreport.cooperation.callback.PartnerSignatures;
import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.directory.UnsafeEndpoint;
import org.cyberreport.cooperation.forwarding.MessageSignatures;
import org.cyberreport.cooperation.forwarding.SignedPost;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The asking side's way out: triage's blinded identifiers, signed (RFC 9421, Ed25519, over method, path,
 * body digest and content type) to the partner platform's hit/no-hit endpoint, behind that country's own
 * breaker and bulkhead. The partner's refusals (not switched on, rate limited, signature refused) come back
 * as they are; anything else is "unavailable", and nothing is retried (a retry would spend the partner's rate).
 */
class PartnerQueries {

    static final String PREFIX = "hitcheck-";
    /** What the partner requires, and the target itself: a query cannot be replayed to another platform. */
    static final List<String> SIGNED = List.of("@method", "@target-uri", "@path", "content-digest", "content-type");

    private final DirectoryStore directory;
    private final EndpointGuard guard;
    private final JsonMapper json;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final AuditTrail audit;
    private final SignedPost signedPost;

    PartnerQueries(DirectoryStore directory, EndpointGuard guard, SigningKeys keys, JsonMapper json,
                   CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, AuditTrail audit, Clock clock, Duration timeout) {
        this.directory = directory;
        this.guard = guard;
        this.json = json;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.audit = audit;
        this.signedPost = new SignedPost(keys, clock, Duration.ofSeconds(3), timeout);
    }

    HolderTriage.Evaluation ask(Caller caller, String country, List<String> blinded) {
        DirectoryEntry partner = directory.find(country).filter(DirectoryEntry::hitcheckOn)
                .filter(entry -> entry.hitcheckEndpoint() != null)
                .orElseThrow(() -> new ProblemException(ProblemKind.STATE_CONFLICT,
                        "Hit/no-hit with " + country + " is not switched on"));
        URI endpoint;
        try {
            endpoint = guard.check(partner.hitcheckEndpoint());
        } catch (UnsafeEndpoint unsafe) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "The hit/no-hit endpoint of " + country + " is refused: "
                    + unsafe.getMessage());
        }
        byte[] body = json.writeValueAsBytes(new HolderTriage.Blinded(blinded));
        CircuitBreaker breaker = breakers.circuitBreaker(PREFIX + country, "foreign");
        Bulkhead bulkhead = bulkheads.bulkhead(PREFIX + country, "foreign");
        HttpResponse<byte[]> response;
        try {
            response = Bulkhead.decorateCheckedSupplier(bulkhead,
                    CircuitBreaker.decorateCheckedSupplier(breaker, () -> post(endpoint, body))).get();
        } catch (CallNotPermittedException | BulkheadFullException waiting) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The platform of " + country
                    + " is not being called for now (it failed or is busy); try again later");
        } catch (Throwable unreachable) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The platform of " + country + " could not be reached");
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new ProblemException(ProblemKind.RATE_LIMITED, "The platform of " + country + " refuses more queries for now");
        }
        if (status >= 400) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "The platform of " + country + " refused the query ("
                    + status + "): hit/no-hit must be switched on there for this country, with this platform's key");
        }
        audit.record(caller, "HITCHECK_SENT", "partner", country, Map.of("identifiers", String.valueOf(blinded.size()),
                "endpoint", endpoint.getHost(), "contentDigest", MessageSignatures.contentDigest(body)));
        try {
            return json.readValue(response.body(), HolderTriage.Evaluation.class);
        } catch (JacksonException unreadable) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The answer of " + country + " could not be read");
        }
    }

    /** One signed call; a 2xx or 4xx (the partner's verdict) is returned, anything else is a failure of its platform. */
    private HttpResponse<byte[]> post(URI endpoint, byte[] body) throws IOException {
        HttpResponse<byte[]> response = signedPost.send(endpoint, body, SIGNED);
        int status = response.statusCode();
        if (status >= 200 && status < 300 || status >= 400 && status < 500) {
            return response;
        }
        throw new IOException("status " + status);
    }
}
