package org.cyberreport.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cyberreport.gateway.web.GatewayProperties;
import org.cyberreport.gateway.web.Problems;
import org.cyberreport.gateway.web.RateLimitFilter;
import org.cyberreport.gateway.web.SharedLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The front door's checks: a current RS256 token of the platform's issuer and audience on every API
 * request, a coarse role check per route (each service still checks the token and its own rules),
 * rate limits per caller, security headers and CORS for the console only.
 */
@Configuration
@EnableConfigurationProperties(TokenProperties.class)
class GatewaySecurityConfiguration {

    private static final String[] DOCUMENTATION = {"/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
            "/v3/api-docs/**", "/api-docs/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Problems problems,
                                           GatewayProperties limits, SharedLimits shared) {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(new RealmRoles());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> { })
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.includeSubdomains(true).maxAge(Duration.ofDays(365))))
                .authorizeExchange(exchanges -> exchanges
                        // Served on the management port only (management.server.port), never on the public one.
                        .matchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .matchers(EndpointRequest.to("circuitbreakers", "metrics")).hasRole("admin")
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .pathMatchers(HttpMethod.GET, DOCUMENTATION).permitAll()
                        // each service's audit trail: auditors only (and auditors nothing else)
                        .pathMatchers(HttpMethod.GET, "/api/reports/audit", "/api/reports/audit/**", "/api/triage/audit",
                                "/api/triage/audit/**", "/api/cooperation/audit", "/api/cooperation/audit/**").hasRole("auditor")
                        .pathMatchers("/api/reports/audit", "/api/reports/audit/**", "/api/triage/audit",
                                "/api/triage/audit/**", "/api/cooperation/audit", "/api/cooperation/audit/**").denyAll()
                        .pathMatchers("/api/reports/handoffs", "/api/reports/handoffs/**").hasRole("admin")
                        .pathMatchers("/api/reports/*/legal-hold").hasRole("admin")
                        .pathMatchers("/api/reports", "/api/reports/**").hasAnyRole("reporter", "triage-officer")
                        .pathMatchers("/api/triage/escalations", "/api/triage/escalations/**").hasRole("admin")
                        // each user's own notices (a reporter's are its unit's); triage checks whose they are
                        .pathMatchers("/api/triage/notifications", "/api/triage/notifications/**").hasAnyRole("reporter", "triage-officer")
                        // the supervisor's endpoints and reading rights are checked by triage itself
                        .pathMatchers("/api/triage/**").hasAnyRole("triage-officer", "triage-supervisor")
                        // Partners' systems answer with a signature instead of a token; cooperation verifies it.
                        .pathMatchers(HttpMethod.POST, "/api/cooperation/callbacks/*").permitAll()
                        // partner platforms' hit/no-hit queries and requests: signed the same way
                        .pathMatchers(HttpMethod.POST, "/api/cooperation/partners/*/hitcheck", "/api/cooperation/partners/*/requests").permitAll()
                        .pathMatchers("/api/cooperation/**").hasAnyRole("triage-officer", "liaison", "admin")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles)))
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .addFilterAfter(new RateLimitFilter(problems, shared.budget("caller", limits.rateLimit())), SecurityWebFiltersOrder.AUTHORIZATION)
                .build();
    }

    /** The firewall's refusals (encoded slashes, "..", ";" in paths, unknown methods) as problems too. */
    @Bean
    ServerExchangeRejectedHandler firewallRefusals(Problems problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request",
                "The request is malformed", "The request's method, path or headers are not accepted", Map.of());
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> expiryRequired = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
        OAuth2TokenValidator<Jwt> audience = jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(properties.audience())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Wrong audience", null));
        };
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), expiryRequired, audience);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, properties.verifiedTokens().capacity(),
                properties.verifiedTokens().retention());
    }
}
