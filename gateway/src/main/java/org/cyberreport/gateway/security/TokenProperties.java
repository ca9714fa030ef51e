package org.cyberreport.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/** What the gateway trusts: the issuer, where its keys are, and the audience every token must name. */
@Validated
@ConfigurationProperties("cyberreport.security")
public record TokenProperties(@NotBlank String issuer, @NotBlank String jwkSetUri, @NotBlank String audience) {
}
