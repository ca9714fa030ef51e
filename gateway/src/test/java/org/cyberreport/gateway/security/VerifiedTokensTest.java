package org.cyberreport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final MovableClock clock = new MovableClock(NOW);
    private final JwtTimestampValidator expiry = timestamps(clock);

    /** Verifies "good-…" tokens (expiring five minutes after NOW) and refuses every other. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plus(Duration.ofMinutes(5))).build());
    };

    @Test
    void aTokenIsVerifiedOnceAndThenRecognised() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, expiry, 100, Duration.ofMinutes(5));

        assertThat(tokens.decode("good-a").block().getSubject()).isEqualTo("good-a");
        assertThat(tokens.decode("good-a").block().getSubject()).isEqualTo("good-a");
        assertThat(tokens.decode("good-b").block().getSubject()).isEqualTo("good-b");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTimeAndNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, expiry, 100, Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, expiry, 100, Duration.ofHours(1));
        tokens.decode("good-a").block();

        clock.now = NOW.plus(Duration.ofMinutes(7)); // past its expiry and the validator's minute of leeway

        assertThatThrownBy(() -> tokens.decode("good-a").block()).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.size()).as("an expired token is forgotten").isZero();
    }

    @Test
    void atMostTheCapacityIsRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, expiry, 10, Duration.ofMinutes(5));

        for (int i = 0; i < 50; i++) {
            tokens.decode("good-" + i).block();
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }

    private static JwtTimestampValidator timestamps(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator();
        validator.setClock(clock);
        return validator;
    }

    private static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
