package org.cyberreport.triage.casestate;

import java.time.Duration;
import java.util.List;

import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.TransientStatusException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Intake's endpoint for the copies of the cases, called with triage's own token, a page of copies per
 * call, through the {@code intake} retry and circuit breaker.
 */
@Component
public class IntakeCaseStates {

    static final String PATH = "/internal/case-states";

    /**
     * @param enabled   whether the copies are sent (off in tests that do not need them)
     * @param intakeUrl intake's internal address (not the gateway)
     * @param sweepLag  how far behind the present the cases written are read, so that none is missed
     */
    @ConfigurationProperties("cyberreport.relay.case-states")
    record Properties(@DefaultValue("true") boolean enabled, @DefaultValue("http://127.0.0.1:8081") String intakeUrl,
                      @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                      @DefaultValue("2s") Duration sweepLag) {
    }

    @Configuration
    @EnableConfigurationProperties(Properties.class)
    static class PropertiesConfiguration {
    }

    private final RestClient intake;
    private final ServiceTokens tokens;
    private final Retry retry;
    private final CircuitBreaker breaker;

    IntakeCaseStates(Properties properties, ServiceTokens tokens, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        this.intake = ServiceClients.restClient(properties.intakeUrl(), properties.connectTimeout(), properties.readTimeout());
        this.tokens = tokens;
        this.retry = retries.retry("intake");
        this.breaker = breakers.circuitBreaker("intake");
    }

    /** Whether a call may go now: while the breaker is open, a pass reads nothing and waits. */
    boolean mayCall() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Puts a page of copies on intake; returns normally only when intake took them all. */
    void put(List<CaseStateMessage> copies) {
        tokens.token();
        Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> send(copies))).run();
    }

    private void send(List<CaseStateMessage> copies) {
        int status = intake.put().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token())
                .contentType(MediaType.APPLICATION_JSON).body(new Batch(copies))
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
        throw new IllegalStateException("intake refused the copies of the cases: " + status);
    }

    /** The body intake takes: {@code {"copies": […]}}. */
    record Batch(List<CaseStateMessage> copies) {
    }
}
