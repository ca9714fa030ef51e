package org.cyberreport.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;

/** The service boots with its own database, reports its health, and checks every token itself. */
class TriageServiceIT extends TriageIT {

    /** Health components are shown to administrators only. */
    private static final String HEALTH_ADMIN =
            org.cyberreport.kit.testing.TestTokens.user("admin", java.util.List.of("admin"), null, null);

    @Test
    void isReadyWithItsDatabase() {
        Http.Answer readiness = management.get("/actuator/health/readiness", HEALTH_ADMIN);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        for (String token : TestTokens.rejected().values()) {
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
