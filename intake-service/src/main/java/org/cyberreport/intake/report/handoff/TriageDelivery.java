package org.cyberreport.intake.report.handoff;

import org.bson.Document;
import org.cyberreport.intake.report.Report;
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
 * Posts a report's latest version to triage's internal endpoint with this service's token. Short
 * retries (Resilience4j, exponential backoff with jitter) cover I/O errors, timeouts, 429 and
 * 502/503/504 only; the circuit breaker stops hammering a triage that keeps failing. Whatever still
 * fails is retried later by the relay, from the document.
 */
final class TriageDelivery implements Delivery {

    static final String PATH = "/internal/reports";

    private final MongoConverter converter;
    private final RestClient triage;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    private final java.util.function.Function<Document, ReportHandoffMessage> messageOf;

    private final java.util.List<HandedOff> handedOff;

    TriageDelivery(MongoConverter converter, RestClient triage, ServiceTokens tokens, Retry retry, CircuitBreaker breaker) {
        this(converter, triage, tokens, retry, breaker, null);
    }

    /** A delivery of what another outbox holds (an erasure), made into the message by {@code messageOf}. */
    TriageDelivery(MongoConverter converter, RestClient triage, ServiceTokens tokens, Retry retry, CircuitBreaker breaker,
                   java.util.function.Function<Document, ReportHandoffMessage> messageOf) {
        this(converter, triage, tokens, retry, breaker, messageOf, java.util.List.of());
    }

    /** With those told of each version triage took ({@link HandedOff}), before it counts as delivered. */
    TriageDelivery(MongoConverter converter, RestClient triage, ServiceTokens tokens, Retry retry, CircuitBreaker breaker,
                   java.util.function.Function<Document, ReportHandoffMessage> messageOf, java.util.List<HandedOff> handedOff) {
        this.handedOff = handedOff;
        this.messageOf = messageOf;
        this.converter = converter;
        this.triage = triage;
        this.tokens = tokens;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public void deliver(Document claimed) {
        ReportHandoffMessage message = messageOf != null ? messageOf.apply(claimed)
                : ReportHandoffMessage.of(converter.read(Report.class, claimed));
        // The retry wraps the breaker, so that the breaker counts every attempt.
        // The token is fetched first, outside the destination's breaker: Keycloak being down is not the
        // destination failing, nor an attempt (the hand-off waits, it is never parked for it). Inside,
        // the token comes from the cache (or anew after a 401).
        try {
            tokens.token();
        } catch (RuntimeException noToken) {
            throw new HeldBackException("no service token: " + noToken.getMessage(), noToken);
        }
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> post(message))).run();
        handedOff.forEach(listener -> listener.delivered(message));
    }

    private void post(ReportHandoffMessage message) {
        Answer answer = triage.post().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token())
                .contentType(MediaType.APPLICATION_JSON)
                .body(message)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        response.getStatusCode().is2xxSuccessful() ? "" : new String(response.getBody().readNBytes(300))));
        if (answer.status() >= 200 && answer.status() < 300) {
            return;
        }
        if (answer.status() == 401) {
            tokens.invalidate();
        }
        if (TransientStatusException.isTransient(answer.status())) {
            throw new TransientStatusException(answer.status());
        }
        throw new RejectedDeliveryException(answer.status(), answer.body());
    }

    private record Answer(int status, String body) {
    }
}
