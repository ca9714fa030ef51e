package org.cyberreport.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * What the gateway trusts: the issuer, where its keys are, and the audience every token must name; and how
 * many verified tokens it remembers, for how long ({@link VerifiedTokens}).
 */
@Validated
@ConfigurationProperties("cyberreport.security")
public record TokenProperties(@NotBlank String issuer, @NotBlank String jwkSetUri, @NotBlank String audience,
                              @Valid @NotNull @DefaultValue VerifiedTokenCache verifiedTokens) {

    /** At most {@code capacity} verified tokens, each for at most {@code retention}. */
    public record VerifiedTokenCache(@Positive @Max(1_000_000) @DefaultValue("10000") int capacity,
                                     @NotNull @DefaultValue("5m") Duration retention) {
    }
}
