package org.cyberreport.cooperation.forwarding;

import java.time.Clock;

import org.cyberreport.cooperation.config.CooperationProperties;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.outbox.OutboxSettings;
import org.cyberreport.kit.outbox.ResilienceGate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Requests to countries with an endpoint: the outbox in each request's document, delivered signed. */
@Configuration
class ForwardingConfiguration {

    @Bean
    @org.springframework.context.annotation.Primary
    OutboxRelay forwardingRelay(MongoTemplate template, CooperationProperties properties, DirectoryStore directory,
                                EndpointGuard guard, SigningKeys keys, JsonMapper json, CircuitBreakerRegistry breakers,
                                BulkheadRegistry bulkheads, AuditTrail audit, Clock clock, MeterRegistry meters) {
        CooperationProperties.Forwarding settings = properties.forwarding();
        ForeignDelivery delivery = new ForeignDelivery(template.getConverter(), directory, guard, keys, json,
                settings.connectTimeout(), settings.timeout(), breakers, bulkheads, audit, properties.publicBaseUrl(), clock);
        return new OutboxRelay(template, new OutboxSettings("foreign", RequestStore.COLLECTION, "forwarding",
                settings.lease(), settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff(),
                settings.pollInterval(), settings.batchSize(), settings.concurrency()), delivery,
                // a country whose breaker is open or whose bulkhead is full: its requests wait unclaimed
                ResilienceGate.perDestination(breakers, bulkheads, ForeignDelivery.COUNTRY), clock, meters)
                .autoStartup(settings.enabled());
    }

    /**
     * The replies to requests received from partner countries' platforms (their liaisons' acknowledgements,
     * answers and refusals), in the request's own document ({@code reply}), relayed like the forwarding.
     */
    @Bean
    OutboxRelay replyRelay(MongoTemplate template, CooperationProperties properties, EndpointGuard guard, SigningKeys keys,
                           JsonMapper json, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, AuditTrail audit,
                           Clock clock, MeterRegistry meters) {
        CooperationProperties.Forwarding settings = properties.forwarding();
        ReplyDelivery delivery = new ReplyDelivery(template.getConverter(), guard, keys, json, settings.connectTimeout(),
                settings.timeout(), breakers, bulkheads, audit, clock);
        return new OutboxRelay(template, new OutboxSettings("replies", RequestStore.COLLECTION, "reply",
                settings.lease(), settings.maxAttempts(), settings.firstBackoff(), settings.maxBackoff(),
                settings.pollInterval(), settings.batchSize(), 4), delivery,
                ResilienceGate.perDestination(breakers, bulkheads, ForeignDelivery.COUNTRY), clock, meters)
                .autoStartup(settings.enabled());
    }
}
