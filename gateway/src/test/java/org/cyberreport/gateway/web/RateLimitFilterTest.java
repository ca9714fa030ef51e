package org.cyberreport.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The limiter's notion of a caller: the token subject, or the client address on public routes. */
class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter(new Problems(JsonMapper.builder().build()),
            Budget.local("caller", new GatewayProperties.RateLimit(3, Duration.ofMinutes(1))));

    private final WebFilterChain passes = exchange -> {
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        return Mono.empty();
    };

    @Test
    void limitsAnonymousCallersOfPublicRoutesPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(call("203.0.113.7", null)).isEqualTo(HttpStatus.OK);
        }
        assertThat(call("203.0.113.7", null)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call("203.0.113.8", null)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void limitsAuthenticatedCallersPerSubjectWhateverTheirAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(call("198.51.100." + i, "officer-1")).isEqualTo(HttpStatus.OK);
        }
        assertThat(call("198.51.100.9", "officer-1")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(call("198.51.100.9", "officer-2")).isEqualTo(HttpStatus.OK);
        // The address's own budget is separate from the budgets of the subjects calling from it.
        assertThat(call("198.51.100.9", null)).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus call(String address, String subject) {
        MockServerWebExchange mock = MockServerWebExchange.from(MockServerHttpRequest.post("/api/cooperation/callbacks/FR")
                .remoteAddress(new InetSocketAddress(address, 40_000)));
        ServerWebExchange exchange = subject == null ? mock
                : mock.mutate().principal(Mono.just((Principal) () -> subject)).build();
        filter.filter(exchange, passes).block(Duration.ofSeconds(5));
        return HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }
}
