package org.cyberreport.gateway.web;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the gateway's limits are counted: in Redis, shared by every replica, when
 * {@code GATEWAY_REDIS_URL} is set; otherwise (a single machine, the launcher, the tests) in this process.
 */
@Component
public class SharedLimits implements DisposableBean {

    private final RedisWindows redis;
    private final MeterRegistry meters;

    SharedLimits(GatewayProperties properties, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters,
                 ObjectProvider<MeterRegistry> meters) {
        this.redis = properties.redis().configured()
                ? new RedisWindows(properties.redis(), breakers, timeLimiters) : null;
        this.meters = meters.getIfAvailable();
    }

    /** A budget named {@code name} (its Redis keys and its metric's tag). */
    public Budget budget(String name, GatewayProperties.RateLimit limit) {
        return new Budget(name, limit, redis, meters);
    }

    public boolean shared() {
        return redis != null;
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.close();
        }
    }
}
