package org.cyberreport.console.security;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in at Keycloak's own login page (authorization code with PKCE, a confidential client), the
 * tokens kept in the server's session, CSRF tokens on every form, sign-out that ends the Keycloak
 * session too, and a Content-Security-Policy that allows no inline script or style.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(keycloak.issuer().toString())
                .authorizationUri(keycloak.endpoint("auth").toString())
                .tokenUri(keycloak.tokenUri().toString())
                .jwkSetUri(keycloak.jwkSetUri().toString())
                .userInfoUri(keycloak.userInfoUri().toString())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.endpoint("logout").toString()))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    JwtDecoder accessTokenDecoder(KeycloakProperties keycloak) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri().toString()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer().toString()));
        return decoder;
    }

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations, JwtDecoder accessTokens,
                                KeycloakProperties keycloak) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endKeycloakSession = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        endKeycloakSession.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests
                        // The language switch works signed out too (on the signed-out page); it only sets a cookie.
                        .requestMatchers(HttpMethod.POST, "/language").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/signed-out", "/forbidden", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // the scrape, on the management port only (bound to loopback unless a deployment opens it to its monitoring)
                        .requestMatchers(EndpointRequest.to("prometheus")).permitAll()
                        .requestMatchers("/reports/**").hasRole(ConsoleUser.REPORTER)
                        // a supervisor reads the country's cases and clusters; the officers work them
                        .requestMatchers(HttpMethod.GET, "/triage/cases/*/export/*", "/triage/clusters/*/export/*")
                                .hasAnyRole(ConsoleUser.TRIAGE_OFFICER, ConsoleUser.TRIAGE_SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/triage/cases/*", "/triage/clusters/*")
                                .hasAnyRole(ConsoleUser.TRIAGE_OFFICER, ConsoleUser.TRIAGE_SUPERVISOR)
                        .requestMatchers("/triage/**").hasRole(ConsoleUser.TRIAGE_OFFICER)
                        .requestMatchers("/lookup", "/lookup/**").hasAnyRole(ConsoleUser.TRIAGE_OFFICER, ConsoleUser.TRIAGE_SUPERVISOR)
                        .requestMatchers("/supervision", "/supervision/**").hasRole(ConsoleUser.TRIAGE_SUPERVISOR)
                        .requestMatchers("/inbox/**").hasRole(ConsoleUser.LIAISON)
                        .requestMatchers("/admin/**").hasRole(ConsoleUser.ADMIN)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new KeycloakRoles(accessTokens))))
                .oauth2Client(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessHandler(endKeycloakSession))
                .exceptionHandling(errors -> errors.accessDeniedPage("/forbidden"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloak.issuer())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * Scripts and styles from the console's own files only. Forms may post to the console, and the
     * sign-out form's redirect goes on to Keycloak's end-session endpoint, which browsers check against
     * {@code form-action} too.
     */
    static String contentSecurityPolicy(URI issuer) {
        String keycloakOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloakOrigin;
    }
}
