package org.cyberreport.cooperation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.cooperation.support.CooperationIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The service boots with its own database, reports its health, and checks every token itself. */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class CooperationServiceIT extends CooperationIT {

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
            Http.Answer answer = http.get("/api/cooperation/anything", token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:unauthenticated");
        }
    }

    @Test
    void servesNothingElseYetEvenToAValidToken() {
        Http.Answer answer = http.get("/api/cooperation/anything", TestTokens.user("officer", List.of("triage-officer"), "MA", null));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("X-Correlation-Id")).isNotBlank();
    }
}
