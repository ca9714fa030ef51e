package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * How many refusals each client address has left in the current period. A refusal is counted once it
 * is known (after the token check); an address with none left is refused before its token is checked,
 * so that a flood of bad requests costs no signature verification. In process: each gateway replica
 * counts on its own.
 */
@Component
class RefusalLimits {

    /** Bounds memory against a flood of distinct addresses; limiters are cheap to rebuild. */
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final RateLimiterConfig config;
    private final Map<String, AtomicRateLimiter> limiters = new ConcurrentHashMap<>();

    RefusalLimits(GatewayProperties properties) {
        GatewayProperties.RateLimit limit = properties.refusalLimit();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.requests())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Whole seconds until the address may be refused again, or 0 when it has refusals left. */
    long secondsToWait(String address) {
        AtomicRateLimiter limiter = limiters.get(address);
        if (limiter == null || limiter.getMetrics().getAvailablePermissions() > 0) {
            return 0;
        }
        return Math.max(1, (long) Math.ceil(limiter.getDetailedMetrics().getNanosToWait() / 1e9));
    }

    void count(String address) {
        if (limiters.size() > MAX_TRACKED_ADDRESSES) {
            limiters.clear();
        }
        limiters.computeIfAbsent(address, key -> new AtomicRateLimiter("refusals", config)).acquirePermission();
    }
}
