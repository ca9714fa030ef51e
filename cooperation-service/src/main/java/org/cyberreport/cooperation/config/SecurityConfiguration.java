package org.cyberreport.cooperation.config;

import static org.cyberreport.kit.security.Caller.ADMIN;
import static org.cyberreport.kit.security.Caller.AUDITOR;
import static org.cyberreport.kit.security.Caller.LIAISON;
import static org.cyberreport.kit.security.Caller.SERVICE;
import static org.cyberreport.kit.security.Caller.TRIAGE_OFFICER;

import org.cyberreport.kit.security.ResourceServerSecurity;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Roles per operation; the request desk then limits records to the caller's country. Partner callbacks
 * carry no token: their signature is checked instead.
 */
@Configuration
@EnableScheduling
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ResourceServerSecurity resourceServer) throws Exception {
        return resourceServer.apply(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the scrape, on the management port only (bound to loopback unless a deployment opens it to its monitoring)
                        .requestMatchers(EndpointRequest.to("prometheus")).permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // the audit trail: auditors only, before any rule of the paths around it
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/audit", "/api/cooperation/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/cooperation/audit", "/api/cooperation/audit/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/callbacks/*").permitAll()
                        // partner platforms' hit/no-hit queries: signed instead of a token, verified by the controller
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/partners/*/hitcheck", "/api/cooperation/partners/*/requests").permitAll()
                        .requestMatchers(HttpMethod.POST, "/internal/escalations", "/internal/case-erasures", "/internal/hitchecks/*")
                                .hasRole(SERVICE)
                        .requestMatchers(HttpMethod.PUT, "/api/cooperation/directory/*").hasRole(ADMIN)
                        .requestMatchers("/api/cooperation/forwarding", "/api/cooperation/forwarding/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/directory", "/api/cooperation/directory/*",
                                "/api/cooperation/signing-key").hasAnyRole(ADMIN, TRIAGE_OFFICER, LIAISON)
                        .requestMatchers(HttpMethod.PUT, "/api/cooperation/treaties/*/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/cooperation/treaties/*/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/treaties").hasAnyRole(ADMIN, TRIAGE_OFFICER, LIAISON)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/legal-basis").hasAnyRole(TRIAGE_OFFICER, LIAISON)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/scorecard").hasAnyRole(ADMIN, TRIAGE_OFFICER)
                        // each liaison's own notices
                        .requestMatchers("/api/cooperation/notifications", "/api/cooperation/notifications/**").hasAnyRole(LIAISON, TRIAGE_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/inbox").hasRole(LIAISON)
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/requests/*/acknowledgement",
                                "/api/cooperation/requests/*/answer", "/api/cooperation/requests/*/refusal").hasRole(LIAISON)
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/requests", "/api/cooperation/requests/*/submission",
                                "/api/cooperation/requests/*/withdrawal").hasRole(TRIAGE_OFFICER)
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/diffusions").hasRole(TRIAGE_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/diffusions/*").hasRole(TRIAGE_OFFICER)
                        // evidence files with a request: attached by the requesting officers, read by both sides,
                        // downloaded by the destination's liaisons
                        .requestMatchers(HttpMethod.POST, "/api/cooperation/requests/*/files").hasRole(TRIAGE_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/requests/*/files").hasAnyRole(TRIAGE_OFFICER, LIAISON)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/requests/*/files/*/content").hasRole(LIAISON)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/requests").hasRole(TRIAGE_OFFICER)
                        .requestMatchers(HttpMethod.GET, "/api/cooperation/requests/*").hasAnyRole(TRIAGE_OFFICER, LIAISON)
                        .anyRequest().denyAll())
                .build();
    }
}
