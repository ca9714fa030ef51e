package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Requests the gateway refuses (no token, a bad one, a role that does not fit, a malformed head) are
 * limited per client address: 5 refusals a minute here, then 429 before the token is checked. Each
 * test is a client of its own, on its own loopback address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE,
        "GATEWAY_MANAGEMENT_PORT=0",
        "GATEWAY_RATE_LIMIT_REQUESTS=10",
        "GATEWAY_RATE_LIMIT_PERIOD=1m",
        "cyberreport.gateway.refusal-limit.requests=5",
        "cyberreport.gateway.refusal-limit.period=1m"})
class RefusalLimitIT {

    static final WireMockServer INTAKE = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        INTAKE.start();
        INTAKE.stubFor(get(urlPathEqualTo("/api/reports")).willReturn(aResponse().withStatus(200).withBody("[]")));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        registry.add("INTAKE_URL", INTAKE::baseUrl);
    }

    @AfterAll
    static void stop() {
        INTAKE.stop();
    }

    @Test
    void refusesAnAddressThatKeepsBeingRefusedWith429BeforeCheckingItsToken() {
        RawHttp client = new RawHttp(port);
        String from = "127.0.0.21";
        String reporter = TestTokens.user("reporter-21", List.of("reporter"), "MA", "casablanca-cyber");

        List<RawHttp.Answer> refused = List.of(
                answer(client, from, "/api/reports", null),
                answer(client, from, "/api/reports", "not-a-jwt"),
                answer(client, from, "/api/reports", TestTokens.signedByAnotherKey()),
                answer(client, from, "/api/reports", TestTokens.liaison("FR")),
                answer(client, from, "/api/triage/cases", reporter));
        RawHttp.Answer limited = answer(client, from, "/api/reports", null);
        RawHttp.Answer validButLimited = answer(client, from, "/api/reports", reporter);

        assertThat(refused).extracting(RawHttp.Answer::status).containsExactly(401, 401, 401, 403, 403);
        assertThat(refused).allSatisfy(RefusalLimitIT::assertProblem);
        assertThat(limited.status()).isEqualTo(429);
        assertProblem(limited);
        assertThat(limited.text()).contains("urn:cyberreport:problem:rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(validButLimited.status()).as("the address is refused before its token is checked").isEqualTo(429);
        assertThat(answer(client, "127.0.0.22", "/api/reports", null).status()).as("another address").isEqualTo(401);
    }

    @Test
    void countsMalformedRequestsAgainstTheAddressToo() {
        RawHttp client = new RawHttp(port);
        byte[] malformed = ("GET /api/reports HTTP/1.1\r\nHost: gateway\r\nIdempotency-Key: \u00ff\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        for (int i = 0; i < 5; i++) {
            RawHttp.Answer answer = client.send("127.0.0.23", malformed).getFirst();
            assertThat(answer.status()).isEqualTo(400);
            assertProblem(answer);
        }
        RawHttp.Answer limited = client.send("127.0.0.23", malformed).getFirst();

        assertThat(limited.status()).isEqualTo(429);
        assertProblem(limited);
        assertThat(answer(client, "127.0.0.23", "/api/reports", null).status()).isEqualTo(429);
    }

    @Test
    void keepsLimitingAuthenticatedCallersPerSubjectWithoutSpendingTheAddressesRefusals() {
        RawHttp client = new RawHttp(port);
        String reporter = TestTokens.user("reporter-24", List.of("reporter"), "MA", "casablanca-cyber");

        for (int i = 0; i < 10; i++) {
            assertThat(answer(client, "127.0.0.24", "/api/reports", reporter).status()).isEqualTo(200);
        }
        RawHttp.Answer overSubjectLimit = answer(client, "127.0.0.24", "/api/reports", reporter);

        assertThat(overSubjectLimit.status()).isEqualTo(429);
        assertProblem(overSubjectLimit);
        assertThat(answer(client, "127.0.0.24", "/api/reports", null).status())
                .as("neither the accepted requests nor the subject's 429s used the address's refusals").isEqualTo(401);
    }

    private static RawHttp.Answer answer(RawHttp client, String from, String path, String token) {
        String request = "GET " + path + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return client.send(from, request.getBytes(StandardCharsets.ISO_8859_1)).getFirst();
    }

    private static void assertProblem(RawHttp.Answer answer) {
        assertThat(answer.header("Content-Type")).as(answer.text()).startsWith("application/problem+json");
        assertThat(answer.text()).contains("\"status\":" + answer.status());
    }
}
