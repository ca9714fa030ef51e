package org.cyberreport.kit.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The Keycloak token adapter: turns a validated Keycloak access token into Spring authorities
 * ({@code ROLE_<realm role>}) and a typed {@link Caller}. Replaces the discontinued Keycloak Spring
 * adapters with plain Spring Security resource-server support.
 */
public final class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = callerOf(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }

    public static Caller callerOf(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        return new Caller(jwt.getSubject(), username == null ? jwt.getSubject() : username, realmRoles(jwt),
                upper(jwt.getClaimAsString("country")), jwt.getClaimAsString("unit"), jwt.getClaimAsString("azp"));
    }

    private static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        roles.forEach(role -> result.add(String.valueOf(role)));
        return result;
    }

    private static String upper(String country) {
        return country == null ? null : country.trim().toUpperCase(Locale.ROOT);
    }

    /** A JWT authentication that also carries the typed caller. */
    public static final class CallerAuthentication extends JwtAuthenticationToken {
        private final Caller caller;

        CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
            super(jwt, authorities, caller.subject());
            this.caller = caller;
        }

        public Caller caller() {
            return caller;
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
