package org.cyberreport.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** Which request heads are refused before anything else reads them. */
class RequestHeadsTest {

    private static final List<Map.Entry<String, String>> HOST = List.of(Map.entry("Host", "gateway:8080"));

    @ParameterizedTest
    @ValueSource(strings = {"/api/reports", "/api/reports?size=5&page=0", "/api/reports/R-1?q=%C3%A9t%C3%A9+x",
            "/api/reports?", "/api/cooperation/callbacks/FR", "/a;b=c/~x/(y)*'!$,@:"})
    void acceptsWellFormedTargets(String target) {
        assertThat(RequestHeads.check("GET", target, HOST)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "http://evil.example/api", "/a b", "/a\"b", "/a|b", "/a{b}", "/a\\b", "/\u00e9",
            "/a?b=%", "/a?b=%4", "/a?b=%zz", "/a%G1", "/a?b=%FF%FE", "/a?b=%C3%28", "/a%00", "/a?b=%0d%0a",
            "/a?=x", "/a?b=1&&c=2", "/a?&", "/a#fragment", "/a?b=%C0%AF"})
    void refusesMalformedTargets(String target) {
        assertThat(RequestHeads.check("GET", target, HOST)).get()
                .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void refusesMethodsTheApiDoesNotKnowWith405() {
        for (String method : List.of("TRACE", "CONNECT", "FOO", "get")) {
            assertThat(RequestHeads.check(method, "/api/reports", HOST)).get()
                    .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED));
        }
        assertThat(RequestHeads.check("PATCH", "/api/reports", HOST)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u00ffb", "\u00c3\u0028", "a\u0000b", "a\u0001b", "a\u007fb", "\u0085"})
    void refusesHeaderValuesThatAreNotVisibleAscii(String value) {
        assertThat(RequestHeads.check("GET", "/api/reports", List.of(Map.entry("Idempotency-Key", value)))).get()
                .satisfies(refusal -> assertThat(refusal.detail()).contains("Idempotency-Key"));
        assertThat(RequestHeads.check("GET", "/api/reports", List.of(Map.entry("Idempotency-Key", "k-0001\tx ")))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5173", "a b", "host:port", "host:123456", "[::1"})
    void refusesAHostThatIsNotAHostAndPort(String host) {
        assertThat(RequestHeads.check("GET", "/api/reports", List.of(Map.entry("Host", host)))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1:8080", "[::1]:8080", "api.cyberreport.example"})
    void acceptsHostsAndPorts(String host) {
        assertThat(RequestHeads.check("GET", "/api/reports", List.of(Map.entry("Host", host)))).isEmpty();
    }
}
