package org.cyberreport.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** Every token that is not a current RS256 token of our issuer for our audience gets 401, on every route. */
class TokenValidationIT extends IntakeIT {

    static Stream<Arguments> rejectedTokens() {
        return TestTokens.rejected().entrySet().stream().map(token -> Arguments.of(token.getKey(), token.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void refusesTheTokenWhenFiling(String kind, String token) {
        Http.Answer answer = http.post("/api/reports", token, example("crypto"), Map.of("Idempotency-Key", "key-token-test"));

        assertUnauthenticated(answer);
        assertThat(storedReports()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void refusesTheTokenWhenReading(String kind, String token) {
        assertUnauthenticated(http.get("/api/reports", token));
        assertUnauthenticated(http.get("/api/reports/any-id", token));
    }

    private static void assertUnauthenticated(Http.Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
