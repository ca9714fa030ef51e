package org.cyberreport.cooperation.hitcheck;

import java.time.Clock;
import java.time.Duration;

import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.directory.EndpointGuard;
import org.cyberreport.cooperation.forwarding.SigningKeys;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.client.ServiceClientProperties;
import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableConfigurationProperties({HitcheckSettings.class, ServiceClientProperties.class})
class HitcheckConfiguration {

    /** One limiter per partner country ({@code hitcheck-XX}), made from this configuration. */
    static final String LIMITER = "hitcheck-";

    @Bean
    RateLimiterRegistry hitcheckLimiters(HitcheckSettings settings) {
        RateLimiterConfig perPartner = RateLimiterConfig.custom().limitForPeriod(settings.identifiersPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build();
        RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
        registry.addConfiguration(LIMITER, perPartner);
        return registry;
    }

    @Bean
    HolderTriage holderTriage(HitcheckSettings settings, ServiceClientProperties client, RetryRegistry retries,
                              CircuitBreakerRegistry breakers, Clock clock) {
        ServiceTokens tokens = new ServiceTokens(ServiceClients.restClient(null, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                client, retries.retry("keycloak"), clock);
        return new HolderTriage(ServiceClients.restClient(settings.triageUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10)),
                tokens, breakers.circuitBreaker("triage"));
    }

    @Bean
    PartnerQueries partnerQueries(DirectoryStore directory, EndpointGuard guard, SigningKeys keys, JsonMapper json,
                                  CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, AuditTrail audit, Clock clock,
                                  HitcheckSettings settings) {
        return new PartnerQueries(directory, guard, keys, json, breakers, bulkheads, audit, clock, settings.timeout());
    }
}
