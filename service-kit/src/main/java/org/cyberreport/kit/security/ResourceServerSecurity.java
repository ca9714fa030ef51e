package org.cyberreport.kit.security;

import org.cyberreport.kit.problem.ProblemResponses;

import jakarta.servlet.DispatcherType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The common part of every service's security filter chain: stateless bearer-token resource server
 * using the project's decoder and Keycloak adapter, problem+json answers for 401 and 403. Each service
 * adds its own authorisation rules.
 */
public final class ResourceServerSecurity {

    private final JwtDecoder decoder;
    private final ProblemResponses problems;

    public ResourceServerSecurity(JwtDecoder decoder, ProblemResponses problems) {
        this.decoder = decoder;
        this.problems = problems;
    }

    public HttpSecurity apply(HttpSecurity http) throws Exception {
        return http
                // Bearer tokens only, no cookies or sessions: CSRF protection has nothing to protect.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // The container's error dispatch renders the problem for a request already refused;
                // authorising it again would turn every such answer into a 403.
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new KeycloakTokenConverter()))
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden));
    }
}
