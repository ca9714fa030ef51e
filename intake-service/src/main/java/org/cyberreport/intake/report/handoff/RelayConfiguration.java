package org.cyberreport.intake.report.handoff;

import java.time.Clock;

import org.cyberreport.intake.report.retention.Erasures;
import org.cyberreport.kit.client.ServiceClientProperties;
import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.outbox.OutboxSettings;
import org.cyberreport.kit.outbox.ResilienceGate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/** The relay of reports to triage: the outbox in each report's document, delivered over HTTP. */
@Configuration
@EnableConfigurationProperties({RelayProperties.class, ServiceClientProperties.class})
class RelayConfiguration {

    @Bean
    ServiceTokens serviceTokens(ServiceClientProperties client, RelayProperties relay, RetryRegistry retries, Clock clock) {
        return new ServiceTokens(restClient(null, relay), client, retries.retry("keycloak"), clock);
    }

    @Bean
    @Primary
    OutboxRelay triageRelay(MongoTemplate template, RelayProperties relay, ServiceTokens tokens, RetryRegistry retries,
                            CircuitBreakerRegistry breakers, Clock clock, MeterRegistry meters,
                            org.springframework.beans.factory.ObjectProvider<HandedOff> handedOff) {
        OutboxSettings settings = new OutboxSettings("triage", "reports", "handoff", relay.lease(), relay.maxAttempts(),
                relay.firstBackoff(), relay.maxBackoff(), relay.pollInterval(), relay.batchSize(), relay.concurrency());
        CircuitBreaker breaker = breakers.circuitBreaker("triage");
        TriageDelivery delivery = new TriageDelivery(template.getConverter(), restClient(relay.triageUrl(), relay), tokens,
                retries.retry("triage"), breaker, null, handedOff.orderedStream().toList());
        // while triage's breaker is open no hand-off is claimed; its move to half open wakes the relay
        return new OutboxRelay(template, settings, delivery, ResilienceGate.of(breaker), clock, meters)
                .autoStartup(relay.enabled());
    }

    /**
     * The relay of erasures to triage: a report erased at the end of its retention leaves a record of the
     * erasure (no content) whose hand-off tells triage to erase the case and what it derived from it.
     */
    @Bean
    OutboxRelay erasureRelay(MongoTemplate template, RelayProperties relay, ServiceTokens tokens, RetryRegistry retries,
                             CircuitBreakerRegistry breakers, Clock clock, MeterRegistry meters) {
        OutboxSettings settings = new OutboxSettings("triage-erasures", Erasures.COLLECTION, "handoff", relay.lease(),
                relay.maxAttempts(), relay.firstBackoff(), relay.maxBackoff(), relay.pollInterval(), relay.batchSize(),
                relay.concurrency());
        CircuitBreaker breaker = breakers.circuitBreaker("triage");
        TriageDelivery delivery = new TriageDelivery(template.getConverter(), restClient(relay.triageUrl(), relay), tokens,
                retries.retry("triage"), breaker, Erasures::message);
        return new OutboxRelay(template, settings, delivery, ResilienceGate.of(breaker), clock, meters)
                .autoStartup(relay.enabled());
    }

    private static RestClient restClient(String baseUrl, RelayProperties relay) {
        return ServiceClients.restClient(baseUrl, relay.connectTimeout(), relay.readTimeout());
    }
}
