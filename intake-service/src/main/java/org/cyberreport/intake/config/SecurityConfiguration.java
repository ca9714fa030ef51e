package org.cyberreport.intake.config;

import static org.cyberreport.kit.security.Caller.ADMIN;
import static org.cyberreport.kit.security.Caller.AUDITOR;
import static org.cyberreport.kit.security.Caller.REPORTER;
import static org.cyberreport.kit.security.Caller.SERVICE;
import static org.cyberreport.kit.security.Caller.TRIAGE_OFFICER;

import org.cyberreport.kit.security.ResourceServerSecurity;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Roles decide the operations; the report desk then limits records to the
 * caller's unit or country.
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
                        .requestMatchers(HttpMethod.GET, "/api/reports/audit", "/api/reports/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/reports/audit", "/api/reports/audit/**").denyAll()
                        .requestMatchers("/api/reports/handoffs", "/api/reports/handoffs/**").hasRole(ADMIN)
                        // a legal hold stops a report's erasure; administrators place and lift it
                        .requestMatchers(HttpMethod.PUT, "/api/reports/*/legal-hold").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/reports/*/legal-hold").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/internal/case-states").hasRole(SERVICE)
                        // evidence going abroad with a request: cooperation's account (checked again by name)
                        .requestMatchers("/internal/reports/*/files/*", "/internal/reports/*/files/*/disclosures")
                                .hasRole(SERVICE)
                        .requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/amendments",
                                "/api/reports/*/withdrawal", "/api/reports/*/files").hasRole(REPORTER)
                        .requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/*", "/api/reports/*/files",
                                "/api/reports/*/files/*", "/api/reports/*/files/*/content").hasAnyRole(REPORTER, TRIAGE_OFFICER)
                        .anyRequest().denyAll())
                .build();
    }
}
