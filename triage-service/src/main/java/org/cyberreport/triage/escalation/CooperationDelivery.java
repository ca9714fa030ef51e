package org.cyberreport.triage.escalation;

import java.util.function.Function;

import org.bson.Document;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.Delivery;
import org.cyberreport.kit.outbox.HeldBackException;
import org.cyberreport.kit.outbox.RejectedDeliveryException;
import org.cyberreport.kit.outbox.TransientStatusException;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/**
 * Posts a hand-off to one of cooperation's internal endpoints with triage's own token: an escalation, or
 * the erasure of a case whose requests abroad go with it.
 */
final class CooperationDelivery implements Delivery {

    static final String PATH = "/internal/escalations";
    static final String ERASURES_PATH = "/internal/case-erasures";

    private final String path;
    private final Function<Document, Object> message;
    private final RestClient cooperation;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    CooperationDelivery(MongoConverter converter, RestClient cooperation, ServiceTokens tokens, Retry retry,
                        CircuitBreaker breaker) {
        this(PATH, claimed -> converter.read(EscalationMessage.class, claimed), cooperation, tokens, retry, breaker);
    }

    CooperationDelivery(String path, Function<Document, Object> message, RestClient cooperation, ServiceTokens tokens,
                        Retry retry, CircuitBreaker breaker) {
        this.path = path;
        this.message = message;
        this.cooperation = cooperation;
        this.tokens = tokens;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public void deliver(Document claimed) {
        Object body = message.apply(claimed);
        // The token is fetched first, outside the destination's breaker: Keycloak being down is not the
        // destination failing, nor an attempt (the hand-off waits, it is never parked for it). Inside,
        // the token comes from the cache (or anew after a 401).
        try {
            tokens.token();
        } catch (RuntimeException noToken) {
            throw new HeldBackException("no service token: " + noToken.getMessage(), noToken);
        }
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> post(body))).run();
    }

    private void post(Object body) {
        int status = cooperation.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token())
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> response.getStatusCode().value());
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401) {
            tokens.invalidate();
        }
        if (TransientStatusException.isTransient(status)) {
            throw new TransientStatusException(status);
        }
        throw new RejectedDeliveryException(status, "");
    }
}
