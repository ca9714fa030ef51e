package org.cyberreport.triage.casestate;

import java.util.Date;

import org.bson.Document;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.Delivery;
import org.cyberreport.kit.outbox.HeldBackException;
import org.cyberreport.kit.outbox.RejectedDeliveryException;
import org.cyberreport.kit.outbox.TransientStatusException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

/** Puts a case's state on intake's internal endpoint for its report, with triage's own token. */
final class IntakeDelivery implements Delivery {

    static final String PATH = "/internal/reports/{id}/case";

    private final RestClient intake;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    IntakeDelivery(RestClient intake, ServiceTokens tokens, Retry retry, CircuitBreaker breaker) {
        this.intake = intake;
        this.tokens = tokens;
        this.retry = retry;
        this.breaker = breaker;
    }

    @Override
    public void deliver(Document claimed) {
        CaseStateMessage message = new CaseStateMessage(claimed.getString("_id"), claimed.getString("reference"),
                claimed.getString("level"), claimed.getString("status"), claimed.getString("outcome"),
                instant(claimed.getDate("closedAt")), instant(claimed.getDate("changedAt")),
                claimed.get("version", Number.class).longValue());
        try {
            tokens.token();
        } catch (RuntimeException noToken) {
            throw new HeldBackException("no service token: " + noToken.getMessage(), noToken);
        }
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> put(message))).run();
    }

    private void put(CaseStateMessage message) {
        int status = intake.put().uri(PATH, message.reportId())
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

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
