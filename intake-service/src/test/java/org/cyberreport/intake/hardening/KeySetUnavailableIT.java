package org.cyberreport.intake.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * When Keycloak's key set cannot be reached, a token cannot be checked: that is our dependency being
 * down, answered 503 as a problem, not a 500 that would count as a defect of ours.
 */
class KeySetUnavailableIT extends IntakeIT {

    @TestConfiguration
    static class UnreachableKeySet {
        /** Port 1 on loopback: nothing listens there, so fetching the key set is refused at once. */
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:1/certs").jwsAlgorithm(SignatureAlgorithm.RS256).build();
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503Problem() {
        Http.Answer answer = http.get("/api/reports", TestTokens.reporter("MA", "casablanca-cyber"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).isEqualTo("urn:cyberreport:problem:service-unavailable");
    }
}
