package org.cyberreport.console.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Keycloak keeps realm roles in the access token ({@code realm_access.roles}), not in the ID token.
 * The access token comes straight from the token endpoint, and is still checked (signature, issuer,
 * expiry) before its roles become the user's authorities ({@code ROLE_reporter}, ...).
 */
final class KeycloakRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final String PREFIX = "ROLE_";

    private final OidcUserService delegate = new OidcUserService();
    private final JwtDecoder accessTokens;

    KeycloakRoles(JwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        Jwt accessToken = accessTokens.decode(request.getAccessToken().getTokenValue());
        Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
        authorities.addAll(realmRoles(accessToken).stream().map(role -> new SimpleGrantedAuthority(PREFIX + role)).toList());
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
    }

    static List<String> realmRoles(Jwt token) {
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    static Set<String> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a != null && a.startsWith(PREFIX))
                .map(a -> a.substring(PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }
}
