package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j rate limiter per caller (the token subject, or the client address on public routes),
 * applied after authentication; refused requests are limited before, per address, by {@link Refusals}. A caller
 * over the limit gets 429 with {@code Retry-After} (whole seconds until a permit is free). It is placed
 * in the security chain, after authorisation, and deliberately not a bean: a bean would also run as a
 * global filter.
 */
public class RateLimitFilter implements WebFilter {

    /** Bounds memory against a flood of distinct subjects; limiters are cheap to rebuild. */
    private static final int MAX_TRACKED_CALLERS = 100_000;

    private final Problems problems;
    private final RateLimiterConfig config;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimitFilter(Problems problems, GatewayProperties properties) {
        this.problems = problems;
        GatewayProperties.RateLimit limit = properties.rateLimit();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.requests())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
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

    private Mono<Void> limit(String subject, ServerWebExchange exchange, WebFilterChain chain) {
        AtomicRateLimiter limiter = limiterFor(subject);
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (long) Math.ceil(limiter.getDetailedMetrics().getNanosToWait() / 1e9));
        return problems.tooManyRequests(exchange, seconds, "caller");
    }

    private AtomicRateLimiter limiterFor(String subject) {
        if (limiters.size() > MAX_TRACKED_CALLERS) {
            limiters.clear();
        }
        return limiters.computeIfAbsent(subject, key -> new AtomicRateLimiter("caller", config));
    }
}
