package org.cyberreport.kit.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own client at Keycloak, for calls to other services (client credentials).
 *
 * @param tokenUri     Keycloak's token endpoint of the realm
 * @param clientId     e.g. {@code intake-service}
 * @param clientSecret the client's secret; local development uses clearly named development values
 */
@ConfigurationProperties("cyberreport.service-client")
public record ServiceClientProperties(String tokenUri, String clientId, String clientSecret) {
}
