package org.cyberreport.triage.config;

import static org.cyberreport.kit.security.Caller.ADMIN;
import static org.cyberreport.kit.security.Caller.AUDITOR;
import static org.cyberreport.kit.security.Caller.REPORTER;
import static org.cyberreport.kit.security.Caller.SERVICE;
import static org.cyberreport.kit.security.Caller.TRIAGE_OFFICER;
import static org.cyberreport.kit.security.Caller.TRIAGE_SUPERVISOR;

import org.cyberreport.kit.security.ResourceServerSecurity;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Officers reach the queue and casework; supervisors the country's supervision, and read its cases;
 * administrators reach the parked escalation hand-offs; only service clients reach the internal endpoint (which the gateway does not route). Cases are further limited to the officer's country by the case desk.
 */
@Configuration
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
                        .requestMatchers(HttpMethod.GET, "/api/triage/audit", "/api/triage/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/triage/audit", "/api/triage/audit/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/internal/reports", "/internal/hitcheck/evaluations").hasRole(SERVICE)
                        .requestMatchers("/api/triage/escalations", "/api/triage/escalations/**").hasRole(ADMIN)
                        // each user's own notices: officers' and the filing units' (reporters')
                        .requestMatchers("/api/triage/notifications", "/api/triage/notifications/**")
                                .hasAnyRole(TRIAGE_OFFICER, REPORTER)
                        .requestMatchers("/api/triage/supervision/**").hasRole(TRIAGE_SUPERVISOR)
                        // intelligence exchange: a supervisor imports and removes feeds and records an originator's
                        // permission to export; officers and supervisors export and list the feeds
                        .requestMatchers(HttpMethod.POST, "/api/triage/feeds", "/api/triage/cases/*/export-permission")
                                .hasRole(TRIAGE_SUPERVISOR)
                        .requestMatchers(HttpMethod.DELETE, "/api/triage/feeds/*").hasRole(TRIAGE_SUPERVISOR)
                        .requestMatchers(HttpMethod.GET, "/api/triage/feeds", "/api/triage/cases/*/export/*",
                                "/api/triage/clusters/*/export/*").hasAnyRole(TRIAGE_OFFICER, TRIAGE_SUPERVISOR)
                        // a supervisor reads the cases and clusters of the country, and may look identifiers up
                        .requestMatchers(HttpMethod.GET, "/api/triage/cases/*", "/api/triage/clusters/*", "/api/triage/lookup")
                                .hasAnyRole(TRIAGE_OFFICER, TRIAGE_SUPERVISOR)
                        .requestMatchers("/api/triage/**").hasRole(TRIAGE_OFFICER)
                        .anyRequest().denyAll())
                .build();
    }
}
