package org.cyberreport.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * What a service trusts: the issuer ({@code iss}), where its signing keys are published, and the
 * audience that every token must name in {@code aud}.
 */
@Validated
@ConfigurationProperties("cyberreport.security")
public record TokenProperties(@NotBlank String issuer, @NotBlank String jwkSetUri, @NotBlank String audience) {
}
