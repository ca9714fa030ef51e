package org.cyberreport.triage.escalation;

import java.time.Clock;
import java.time.Duration;

import org.cyberreport.kit.client.ServiceClientProperties;
import org.cyberreport.triage.casework.desk.CaseErasure;
import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.outbox.OutboxSettings;
import org.cyberreport.kit.outbox.ResilienceGate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/** The relay of escalations to cooperation: the same durable outbox as intake's relay to triage. */
@Configuration
@EnableConfigurationProperties({EscalationRelayConfiguration.RelayProperties.class, ServiceClientProperties.class})
class EscalationRelayConfiguration {

    @ConfigurationProperties("cyberreport.relay")
    record RelayProperties(@DefaultValue("true") boolean enabled, String cooperationUrl,
                           @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                           @DefaultValue("60s") Duration lease, @DefaultValue("10") int maxAttempts,
                           @DefaultValue("1s") Duration firstBackoff, @DefaultValue("5m") Duration maxBackoff,
                           @DefaultValue("500ms") Duration pollInterval) {
    }

    @Bean
    ServiceTokens serviceTokens(ServiceClientProperties client, RelayProperties relay, RetryRegistry retries, Clock clock) {
        return new ServiceTokens(restClient(null, relay), client, retries.retry("keycloak"), clock);
    }

    @Bean
    @Primary
    OutboxRelay escalationRelay(MongoTemplate template, RelayProperties relay, ServiceTokens tokens, RetryRegistry retries,
                                CircuitBreakerRegistry breakers, Clock clock, MeterRegistry meters) {
        CircuitBreaker breaker = breakers.circuitBreaker("cooperation");
        CooperationDelivery delivery = new CooperationDelivery(template.getConverter(),
                restClient(relay.cooperationUrl(), relay), tokens, retries.retry("cooperation"), breaker);
        // while cooperation's breaker is open no escalation is claimed; its move to half open wakes the relay
        return new OutboxRelay(template, new OutboxSettings("cooperation", "escalations", "handoff", relay.lease(),
                relay.maxAttempts(), relay.firstBackoff(), relay.maxBackoff(), relay.pollInterval(), 20), delivery,
                ResilienceGate.of(breaker), clock, meters).autoStartup(relay.enabled());
    }

    /**
     * The relay of case erasures to cooperation: a case erased at the end of its report's retention leaves a
     * tombstone whose hand-off tells cooperation to erase the requests made about the case (they hold copies
     * of its identifiers and facts). Same destination, same breaker as the escalations.
     */
    @Bean
    OutboxRelay caseErasureRelay(MongoTemplate template, RelayProperties relay, ServiceTokens tokens, RetryRegistry retries,
                                 CircuitBreakerRegistry breakers, Clock clock, MeterRegistry meters) {
        CircuitBreaker breaker = breakers.circuitBreaker("cooperation");
        CooperationDelivery delivery = new CooperationDelivery(CooperationDelivery.ERASURES_PATH, CaseErasure::message,
                restClient(relay.cooperationUrl(), relay), tokens, retries.retry("cooperation"), breaker);
        return new OutboxRelay(template, new OutboxSettings("cooperation-erasures", CaseErasure.ERASED, "handoff",
                relay.lease(), relay.maxAttempts(), relay.firstBackoff(), relay.maxBackoff(), relay.pollInterval(), 20),
                delivery, ResilienceGate.of(breaker), clock, meters).autoStartup(relay.enabled());
    }

    private static RestClient restClient(String baseUrl, RelayProperties relay) {
        return ServiceClients.restClient(baseUrl, relay.connectTimeout(), relay.readTimeout());
    }
}
