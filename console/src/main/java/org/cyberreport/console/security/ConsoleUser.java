package org.cyberreport.console.security;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in user as the pages need it: name, realm roles and the {@code country} and {@code unit}
 * claims. The pages only choose what to show by it; the API decides what the user may do.
 */
public record ConsoleUser(String username, String displayName, Set<String> roles, String country, String unit) {

    public static final String REPORTER = "reporter";
    public static final String TRIAGE_OFFICER = "triage-officer";
    public static final String TRIAGE_SUPERVISOR = "triage-supervisor";
    public static final String LIAISON = "liaison";
    public static final String ADMIN = "admin";

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isReporter() {
        return is(REPORTER);
    }

    public boolean isTriageOfficer() {
        return is(TRIAGE_OFFICER);
    }

    public boolean isTriageSupervisor() {
        return is(TRIAGE_SUPERVISOR);
    }

    public boolean isLiaison() {
        return is(LIAISON);
    }

    public boolean isAdmin() {
        return is(ADMIN);
    }

    /** The user of an authentication made by the console's sign-in, or {@code null} when anonymous. */
    public static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
            return null;
        }
        Set<String> roles = KeycloakRoles.rolesOf(authentication.getAuthorities());
        String name = oidc.getFullName() != null ? oidc.getFullName() : oidc.getPreferredUsername();
        return new ConsoleUser(oidc.getPreferredUsername(), name, roles, oidc.getClaimAsString("country"),
                oidc.getClaimAsString("unit"));
    }
}
