package org.cyberreport.kit.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Keycloak's key-set endpoint, stood in for by WireMock on loopback; one per test JVM. */
public final class JwksServer {

    private static WireMockServer server;

    private JwksServer() {
    }

    public static synchronized String url() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            server.stubFor(get("/realms/cyberreport/protocol/openid-connect/certs").willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            warmUp(server.baseUrl() + "/realms/cyberreport/protocol/openid-connect/certs");
        }
        return server.baseUrl() + "/realms/cyberreport/protocol/openid-connect/certs";
    }

    /**
     * A cold WireMock answers its first request slowly; on a loaded machine slower than the token
     * decoder's read timeout, which then fails the first request of a test with a 500. One request
     * here takes that cost before any test runs.
     */
    private static void warmUp(String url) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(java.time.Duration.ofSeconds(60)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
