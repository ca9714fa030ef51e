package org.cyberreport.gateway.fallback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;

/**
 * Each service's breaker records only the service's own failures ({@link ServiceFailure}); the route's
 * {@code statusCodes} (502, 503, 504) decide which answers reach the breaker as failures at all.
 */
@Configuration
class BreakerConfiguration {

    @Bean
    CircuitBreakerConfigCustomizer intakeBreaker() {
        return serviceFailuresOnly("intake");
    }

    @Bean
    CircuitBreakerConfigCustomizer triageBreaker() {
        return serviceFailuresOnly("triage");
    }

    @Bean
    CircuitBreakerConfigCustomizer cooperationBreaker() {
        return serviceFailuresOnly("cooperation");
    }

    private static CircuitBreakerConfigCustomizer serviceFailuresOnly(String service) {
        return CircuitBreakerConfigCustomizer.of(service, breaker -> breaker.recordException(new ServiceFailure()));
    }
}
