package org.cyberreport.gateway.web;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * How many refusals each client address has left in the current period. A refusal is counted once it
 * is known (after the token check); an address with none left is refused before its token is checked,
 * so that a flood of bad requests costs no signature verification. Counted in this process, or in Redis
 * for all replicas at once when the gateway has Redis ({@link SharedLimits}, {@link Budget}).
 */
@Component
class RefusalLimits {

    private final Budget budget;

    RefusalLimits(SharedLimits limits, GatewayProperties properties) {
        this.budget = limits.budget("refusals", properties.refusalLimit());
    }

    /** Whole seconds until the address may be refused again, or 0 when it has refusals left. */
    Mono<Long> secondsToWait(String address) {
        return budget.secondsToWait(address);
    }

    /** The same from what this replica knows now, without waiting for Redis (for Netty's event loop). */
    long secondsToWaitNow(String address) {
        return budget.secondsToWaitNow(address);
    }

    /** Counts a refusal; completes once counted, never fails. */
    Mono<Void> count(String address) {
        return budget.count(address);
    }
}
