package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import reactor.core.publisher.Mono;

/**
 * A Resilience4j rate limiter per caller (the token subject, or the client address on public routes),
 * applied after authentication. A caller
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
                .map(caller -> caller.isEmpty() ? "address:" + clientAddress(exchange) : caller)
                .flatMap(caller -> limit(caller, exchange, chain));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private Mono<Void> limit(String subject, ServerWebExchange exchange, WebFilterChain chain) {
        AtomicRateLimiter limiter = limiterFor(subject);
        if (limiter.acquirePermission()) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (long) Math.ceil(limiter.getDetailedMetrics().getNanosToWait() / 1e9));
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests from this caller; retry after " + seconds + " s", Map.of());
    }

    private AtomicRateLimiter limiterFor(String subject) {
        if (limiters.size() > MAX_TRACKED_CALLERS) {
            limiters.clear();
        }
        return limiters.computeIfAbsent(subject, key -> new AtomicRateLimiter("caller", config));
    }
}
