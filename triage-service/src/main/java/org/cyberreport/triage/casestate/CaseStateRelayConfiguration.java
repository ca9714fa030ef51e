package org.cyberreport.triage.casestate;

import java.time.Clock;
import java.time.Duration;

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
import org.springframework.data.mongodb.core.MongoTemplate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/** The relay of case states to intake: the same durable outbox as the escalations' to cooperation. */
@Configuration
@EnableConfigurationProperties(CaseStateRelayConfiguration.CaseStateProperties.class)
class CaseStateRelayConfiguration {

    /**
     * @param intakeUrl intake's internal address (not the gateway)
     * @param sweepLag  how far behind the present the cases written are read, so that none is missed
     */
    @ConfigurationProperties("cyberreport.relay.case-states")
    record CaseStateProperties(@DefaultValue("true") boolean enabled, @DefaultValue("http://127.0.0.1:8081") String intakeUrl,
                               @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                               @DefaultValue("60s") Duration lease, @DefaultValue("10") int maxAttempts,
                               @DefaultValue("1s") Duration firstBackoff, @DefaultValue("5m") Duration maxBackoff,
                               @DefaultValue("500ms") Duration pollInterval, @DefaultValue("2s") Duration sweepLag) {
    }

    @Bean
    OutboxRelay caseStateRelay(MongoTemplate template, CaseStateProperties properties, ServiceTokens tokens,
                               RetryRegistry retries, CircuitBreakerRegistry breakers, Clock clock, MeterRegistry meters) {
        CircuitBreaker breaker = breakers.circuitBreaker("intake");
        IntakeDelivery delivery = new IntakeDelivery(ServiceClients.restClient(properties.intakeUrl(),
                properties.connectTimeout(), properties.readTimeout()), tokens, retries.retry("intake"), breaker);
        return new OutboxRelay(template, new OutboxSettings("intake", CaseStateCopies.COLLECTION, "handoff", properties.lease(),
                properties.maxAttempts(), properties.firstBackoff(), properties.maxBackoff(), properties.pollInterval(), 20),
                delivery, ResilienceGate.of(breaker), clock, meters).autoStartup(properties.enabled());
    }
}
