package org.cyberreport.triage.escalation;

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

/** Posts an escalation to cooperation's internal endpoint with triage's own token. */
final class CooperationDelivery implements Delivery {

    static final String PATH = "/internal/escalations";

    private final MongoConverter converter;
    private final RestClient cooperation;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    CooperationDelivery(MongoConverter converter, RestClient cooperation, ServiceTokens tokens, Retry retry,
                        CircuitBreaker breaker) {
        this.converter = converter;
        this.cooperation = cooperation;
        this.tokens = tokens;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public void deliver(Document claimed) {
        EscalationMessage message = converter.read(EscalationMessage.class, claimed);
        // The token is fetched first, outside the destination's breaker: Keycloak being down is not the
        // destination failing, nor an attempt (the hand-off waits, it is never parked for it). Inside,
        // the token comes from the cache (or anew after a 401).
        try {
            tokens.token();
        } catch (RuntimeException noToken) {
            throw new HeldBackException("no service token: " + noToken.getMessage(), noToken);
        }
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> post(message))).run();
    }

    private void post(EscalationMessage message) {
        int status = cooperation.post().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token())
                .contentType(MediaType.APPLICATION_JSON).body(message)
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
