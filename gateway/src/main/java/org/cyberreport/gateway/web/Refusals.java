package org.cyberreport.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The gateway's own refusals, in front of everything but the correlation id: an address that has used
 * up its refusals gets 429 before its token is checked; every refusal the gateway writes is counted
 * against the address; and an error status that a part of the framework set without a body (a CORS
 * refusal, say) gets a problem document like every other.
 */
@Component
class Refusals implements WebFilter, Ordered {

    private final Problems problems;
    private final RefusalLimits limits;

    Refusals(Problems problems, RefusalLimits limits) {
        this.problems = problems;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = Problems.clientAddress(exchange);
        return limits.secondsToWait(address).flatMap(seconds -> seconds > 0
                ? problems.tooManyRequests(exchange, seconds, "client address (too many refused requests)")
                : admit(address, exchange, chain));
    }

    private Mono<Void> admit(String address, ServerWebExchange exchange, WebFilterChain chain) {
        // Counted before the refusal goes out, so that the next request (to any replica) already sees it.
        exchange.getResponse().beforeCommit(() -> exchange.getAttribute(Problems.REFUSED) != null
                ? limits.count(address) : Mono.empty());
        return chain.filter(exchange).then(Mono.defer(() -> bareError(exchange)));
    }

    private Mono<Void> bareError(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpStatusCode status = response.getStatusCode();
        HttpStatus known = status == null ? null : HttpStatus.resolve(status.value());
        if (response.isCommitted() || known == null || !known.isError()) {
            return Mono.empty();
        }
        return problems.forStatus(exchange, known);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
