package org.cyberreport.cooperation.evidence;

import java.time.Clock;
import java.time.Duration;

import org.cyberreport.cooperation.request.desk.RequestDesk;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.client.ServiceClientProperties;
import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.HttpClientErrorException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Evidence files abroad: intake asked with cooperation's own token ({@code cyberreport.evidence.intake-url}),
 * behind its own breaker, which counts intake failing, not a file that is not there.
 */
@Configuration
class EvidenceConfiguration {

    @Bean
    RequestFiles requestFiles(MongoTemplate template, RequestDesk requests, AuditTrail audit, Clock clock,
                              ServiceClientProperties client, RetryRegistry retries, CircuitBreakerRegistry breakers,
                              @Value("${cyberreport.evidence.intake-url:http://127.0.0.1:8081}") String intakeUrl,
                              @Value("${cyberreport.evidence.read-timeout:5m}") Duration readTimeout) {
        ServiceTokens tokens = new ServiceTokens(ServiceClients.restClient(null, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                client, retries.retry("keycloak"), clock);
        CircuitBreakerConfig intakeFailing = CircuitBreakerConfig.custom()
                .ignoreException(e -> e instanceof HttpClientErrorException
                        || e instanceof ProblemException problem && (problem.kind() == ProblemKind.NOT_FOUND
                                || problem.kind() == ProblemKind.STATE_CONFLICT))
                .build();
        IntakeFiles intake = new IntakeFiles(ServiceClients.restClient(intakeUrl, Duration.ofSeconds(2), readTimeout), tokens,
                breakers.circuitBreaker("intake-files", intakeFailing));
        return new RequestFiles(template, requests, intake, audit, clock);
    }
}
