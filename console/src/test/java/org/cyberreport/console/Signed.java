package org.cyberreport.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Users signed in as the console's own sign-in would make them: an OIDC user with realm roles as authorities. */
public final class Signed {

    private Signed() {
    }

    public static RequestPostProcessor aReporter() {
        return user("reporter.ma", "reporter", "MA", "MA-CASABLANCA-CYBER");
    }

    public static RequestPostProcessor aTriageOfficer() {
        return user("triage.ma", "triage-officer", "MA", null);
    }

    public static RequestPostProcessor aLiaison() {
        return user("liaison.fr", "liaison", "FR", null);
    }

    public static RequestPostProcessor anAdmin() {
        return user("admin", "admin", null, null);
    }

    public static RequestPostProcessor user(String username, String role, String country, String unit) {
        return oidcLogin().authorities(new SimpleGrantedAuthority("ROLE_" + role))
                .idToken(token -> {
                    token.claim("preferred_username", username).claim("name", username);
                    if (country != null) {
                        token.claim("country", country);
                    }
                    if (unit != null) {
                        token.claim("unit", unit);
                    }
                });
    }
}
