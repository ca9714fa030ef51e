package org.cyberreport.console.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console signs users in. The issuer is the address browsers use (Keycloak puts it in
 * every token); the token, key-set and user-info endpoints may be reached by another address from the
 * server (in a container, the issuer's host is often not reachable under the browser's name).
 *
 * @param issuer       the realm's issuer, e.g. {@code http://localhost:8180/realms/cyberreport}
 * @param tokenUri     the token endpoint as the console's server reaches it
 * @param jwkSetUri    the realm's key set as the console's server reaches it
 * @param userInfoUri  the user-info endpoint as the console's server reaches it
 * @param clientId     the console's confidential client
 * @param clientSecret its secret (the default is a local-development value)
 */
@ConfigurationProperties("console.keycloak")
public record KeycloakProperties(URI issuer, URI tokenUri, URI jwkSetUri, URI userInfoUri, String clientId,
                                 String clientSecret) {

    URI endpoint(String name) {
        return URI.create(issuer + "/protocol/openid-connect/" + name);
    }
}
