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
        }
        return server.baseUrl() + "/realms/cyberreport/protocol/openid-connect/certs";
    }
}
