package org.cyberreport.gateway.web;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A limit per caller (the token subject, or the client address on public routes; a {@link Budget}: in
 * process, or in Redis shared by every replica),
 * applied after authentication; refused requests are limited before, per address, by {@link Refusals}. A caller
 * over the limit gets 429 with {@code Retry-After} (whole seconds until a permit is free). It is placed
 * in the security chain, after authorisation, and deliberately not a bean: a bean would also run as a
 * global filter.
 */
public class RateLimitFilter implements WebFilter {

    private final Problems problems;
    private final Budget budget;

    public RateLimitFilter(Problems problems, Budget budget) {
        this.problems = problems;
        this.budget = budget;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // A caller is its token's subject; the public routes (partners' signed callbacks, documentation)
        // are limited per client address instead.
        return exchange.getPrincipal()
                .map(principal -> "subject:" + principal.getName())
                .defaultIfEmpty("")
                .map(caller -> caller.isEmpty() ? "address:" + Problems.clientAddress(exchange) : caller)
                .flatMap(caller -> limit(caller, exchange, chain));
    }

    private Mono<Void> limit(String caller, ServerWebExchange exchange, WebFilterChain chain) {
        return budget.take(caller).flatMap(seconds -> seconds == 0
                ? chain.filter(exchange)
                : problems.tooManyRequests(exchange, seconds, "caller"));
    }
}
