package org.cyberreport.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service boots with its own database, reports its health, and checks every token itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.mongodb.embedded.storage=memory",
        "cyberreport.relay.enabled=false",
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE})
class TriageServiceIT {

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void isReadyWithItsDatabase() {
        Http.Answer readiness = http.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        for (String token : new String[] {null, TestTokens.expired("MA", "u1"), TestTokens.unsigned(),
                TestTokens.forAudience("another-api")}) {
            Http.Answer answer = http.get("/api/triage/anything", token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:unauthenticated");
        }
    }

    @Test
    void refusesRolesWithoutBusinessHereAndKeepsTheInternalEndpointForServices() {
        Http.Answer reporter = http.get("/api/triage/cases", TestTokens.reporter("MA", "u1"));
        Http.Answer officerOnInternal = http.post("/internal/reports", TestTokens.triageOfficer("MA"), "{}");

        assertThat(reporter.status()).isEqualTo(403);
        assertThat(officerOnInternal.status()).isEqualTo(403);
        assertThat(reporter.header("X-Correlation-Id")).isNotBlank();
    }
}
