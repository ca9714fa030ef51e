package org.cyberreport.kit.security;

import java.util.Set;

/**
 * Who is calling, as the services need it for their access rules: taken from a validated Keycloak
 * access token. {@code country} (ISO 3166-1 alpha-2) and {@code unit} are absent for callers that
 * have none, such as service clients.
 */
public record Caller(String subject, String username, Set<String> roles, String country, String unit,
                     String clientId) {

    public static final String REPORTER = "reporter";
    public static final String TRIAGE_OFFICER = "triage-officer";
    /** Sees the whole country's queue with who holds what, reassigns cases, follows what is overdue. */
    public static final String TRIAGE_SUPERVISOR = "triage-supervisor";
    public static final String LIAISON = "liaison";
    public static final String ADMIN = "admin";
    /** Reads the audit trails, and nothing else. */
    public static final String AUDITOR = "auditor";
    public static final String SERVICE = "service";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The platform itself acting on a schedule (the retention's sweep, say), as its audit records name it. */
    public static Caller system(String name) {
        return new Caller("system:" + name, name, Set.of(), null, null, name);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasCountry() {
        return country != null && !country.isBlank();
    }

    public boolean hasUnit() {
        return unit != null && !unit.isBlank();
    }
}
