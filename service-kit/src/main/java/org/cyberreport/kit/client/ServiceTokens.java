package org.cyberreport.kit.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens of this service (client credentials grant), cached until shortly before they expire,
 * so that service-to-service calls cost one token request per token lifetime. The token request is
 * retried by the given Resilience4j retry.
 */
public final class ServiceTokens {

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final RestClient keycloak;
    private final ServiceClientProperties client;
    private final Retry retry;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public ServiceTokens(RestClient keycloak, ServiceClientProperties client, Retry retry, Clock clock) {
        this.keycloak = keycloak;
        this.client = client;
        this.retry = retry;
        this.clock = clock;
    }

    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            JsonNode answer = retry.executeSupplier(this::request);
            token = answer.get("access_token").asString();
            long lifetime = answer.path("expires_in").asLong(60);
            refreshAt = clock.instant().plusSeconds(lifetime).minus(REFRESH_MARGIN);
        }
        return token;
    }

    /** Forgets the cached token, e.g. after a 401 from the destination. */
    public synchronized void invalidate() {
        token = null;
    }

    private JsonNode request() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", client.clientId());
        form.add("client_secret", client.clientSecret());
        return keycloak.post().uri(client.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(JsonNode.class);
    }
}
