package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * A limit of so many requests per period for each key (a token subject, a client address). Counted in
 * this process (a Resilience4j rate limiter per key, fixed periods), or, when the gateway has Redis, in
 * Redis for all replicas at once (a fixed window per key, see {@link RedisWindows}). When Redis does not
 * answer (down, too slow, its breaker open), the budget answers from its in-process counters instead:
 * every replica then limits on its own, as without Redis, and each such answer is counted in the metric
 * {@code gateway.limits.fallback} (tag {@code limit}) and logged at the start of an outage. So an
 * outage neither lets every request through nor turns requests away with a 5xx.
 */
public final class Budget {

    /** Bounds memory against a flood of distinct keys; limiters are cheap to rebuild. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final String name;
    private final GatewayProperties.RateLimit limit;
    private final RateLimiterConfig config;
    private final Map<String, AtomicRateLimiter> local = new ConcurrentHashMap<>();
    private final RedisWindows shared;
    /** Keys whose shared budget is used up, and until when (epoch milliseconds), as Redis last said. */
    private final Map<String, Long> exhaustedUntil = new ConcurrentHashMap<>();
    private final Counter fallbacks;

    Budget(String name, GatewayProperties.RateLimit limit, RedisWindows shared, MeterRegistry meters) {
        this.name = name;
        this.limit = limit;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.requests())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.shared = shared;
        this.fallbacks = meters == null ? null : Counter.builder("gateway.limits.fallback")
                .description("Limit decisions taken in process because Redis did not answer")
                .tag("limit", name)
                .register(meters);
    }

    /** A budget kept in this process only. */
    public static Budget local(String name, GatewayProperties.RateLimit limit) {
        return new Budget(name, limit, null, null);
    }

    /** Takes one request from the key's budget if one is left: 0, or else the whole seconds to wait. */
    public Mono<Long> take(String key) {
        long known = exhausted(key);
        if (known > 0) {
            return Mono.just(known);
        }
        if (shared == null) {
            return Mono.fromSupplier(() -> takeLocally(key));
        }
        return shared.hit(redisKey(key), limit.period())
                .map(window -> {
                    remember(key, window);
                    return window.count() <= limit.requests() ? 0L : seconds(window.millisLeft());
                })
                .onErrorResume(failure -> {
                    fellBack(failure);
                    return Mono.fromSupplier(() -> takeLocally(key));
                });
    }

    /** 0 while the key has some of its budget left, or the whole seconds until it has; takes nothing. */
    public Mono<Long> secondsToWait(String key) {
        long known = exhausted(key);
        if (known > 0) {
            return Mono.just(known);
        }
        if (shared == null) {
            return Mono.fromSupplier(() -> waitLocally(key));
        }
        return shared.peek(redisKey(key))
                .map(window -> {
                    remember(key, window);
                    return window.count() >= limit.requests() ? seconds(window.millisLeft()) : 0L;
                })
                .onErrorResume(failure -> {
                    fellBack(failure);
                    return Mono.fromSupplier(() -> waitLocally(key));
                });
    }

    /**
     * What this replica knows now, without asking Redis (for code that cannot wait, on Netty's event
     * loop): the shared budget as Redis last reported it, or the in-process one.
     */
    public long secondsToWaitNow(String key) {
        return Math.max(exhausted(key), waitLocally(key));
    }

    /** Counts one request against the key (it completes once counted; it never fails). */
    public Mono<Void> count(String key) {
        if (shared == null) {
            return Mono.fromRunnable(() -> takeLocally(key));
        }
        return shared.hit(redisKey(key), limit.period())
                .doOnNext(window -> remember(key, window))
                .onErrorResume(failure -> {
                    fellBack(failure);
                    return Mono.fromRunnable(() -> takeLocally(key));
                })
                .then();
    }

    private String redisKey(String key) {
        return "cyberreport:gateway:" + name + ":" + key;
    }

    private void remember(String key, RedisWindows.Window window) {
        if (window.count() >= limit.requests() && window.millisLeft() > 0) {
            if (exhaustedUntil.size() > MAX_TRACKED_KEYS) {
                exhaustedUntil.clear();
            }
            exhaustedUntil.put(key, System.currentTimeMillis() + window.millisLeft());
        }
    }

    private long exhausted(String key) {
        Long until = exhaustedUntil.get(key);
        if (until == null) {
            return 0;
        }
        long left = until - System.currentTimeMillis();
        if (left <= 0) {
            exhaustedUntil.remove(key, until);
            return 0;
        }
        return seconds(left);
    }

    private void fellBack(Throwable failure) {
        if (fallbacks != null) {
            fallbacks.increment();
        }
        shared.failed(failure);
    }

    private long takeLocally(String key) {
        AtomicRateLimiter limiter = limiter(key);
        return limiter.acquirePermission() ? 0 : nanosToSeconds(limiter.getDetailedMetrics().getNanosToWait());
    }

    private long waitLocally(String key) {
        AtomicRateLimiter limiter = local.get(key);
        if (limiter == null || limiter.getMetrics().getAvailablePermissions() > 0) {
            return 0;
        }
        return nanosToSeconds(limiter.getDetailedMetrics().getNanosToWait());
    }

    private AtomicRateLimiter limiter(String key) {
        if (local.size() > MAX_TRACKED_KEYS) {
            local.clear();
        }
        return local.computeIfAbsent(key, ignored -> new AtomicRateLimiter(name, config));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static long nanosToSeconds(long nanos) {
        return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }
}
