package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One gateway for the tests that send thousands of requests (the breaker and fuzz tests share it): the
 * three services are one WireMock server (they differ by path), the rate limits are out of the way,
 * the response timeout is short (but long enough for a busy machine), a body must arrive within half
 * of it, and the access log is quiet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE,
        "GATEWAY_MANAGEMENT_PORT=0",
        "GATEWAY_RESPONSE_TIMEOUT=1s",
        "GATEWAY_REQUEST_BODY_TIMEOUT=500ms",
        "GATEWAY_RATE_LIMIT_REQUESTS=1000000",
        "cyberreport.gateway.refusal-limit.requests=1000000",
        "GATEWAY_MAX_BODY_SIZE=64KB",
        "logging.level.access=WARN"})
abstract class StubbedServices {

    /** Shared by the subclasses, like the cached context that points at it; stopped with the JVM. */
    static final WireMockServer SERVICES = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .maxRequestJournalEntries(2_000));

    static {
        SERVICES.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    Http http;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        registry.add("INTAKE_URL", SERVICES::baseUrl);
        registry.add("TRIAGE_URL", SERVICES::baseUrl);
        registry.add("COOPERATION_URL", SERVICES::baseUrl);
    }

    @BeforeEach
    void resetServicesAndBreakers() {
        SERVICES.resetAll();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
        http = new Http(port);
    }
}
