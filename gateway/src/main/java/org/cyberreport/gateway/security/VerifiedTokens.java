package org.cyberreport.gateway.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens whose signature has been verified, so that a caller's next requests with the same
 * token cost no RSA verification (a tenth of the gateway's CPU per request when every one was verified).
 * Only a token that passed every check is kept, under its exact text; each use is checked again by the
 * validators (expiry, issuer, audience), so a remembered token stops passing the moment it expires. A token
 * is kept for at most {@code retention} (keys rotated out of the key set stop being honoured by then), and
 * at most {@code capacity} of them, the least recently used going first. Refused tokens are never kept:
 * each is verified, and refusals are limited per client address.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity, Duration retention) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(retention).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            return Mono.error(new JwtValidationException("The token is no longer valid", result.getErrors()));
        }
        return Mono.just(known);
    }

    /** How many tokens are remembered now (for tests and metrics). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
