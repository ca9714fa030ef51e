package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Fixed-window counters in Redis, shared by every gateway replica that points at the same server. One
 * Lua script per hit ({@code INCR}, and {@code PEXPIRE} when the key has no expiry yet), so a hit is one
 * atomic round trip whatever the number of replicas. Every call crosses the network and is guarded by
 * Resilience4j: a time limit and a circuit breaker (both named {@value #GUARD}); a call that fails, times
 * out or is not permitted by the open breaker ends in an error, which {@link Budget} answers from its
 * in-process counters. The client connects lazily: a gateway starts, and serves, while Redis is down.
 */
final class RedisWindows implements AutoCloseable {

    static final String GUARD = "redis-limits";

    private static final Logger log = LoggerFactory.getLogger(RedisWindows.class);

    private static final String HIT = """
            local n = redis.call('INCR', KEYS[1])
            local left = redis.call('PTTL', KEYS[1])
            if left < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              left = tonumber(ARGV[1])
            end
            return {n, left}
            """;

    private static final String PEEK = """
            local n = redis.call('GET', KEYS[1])
            if not n then
              return {0, 0}
            end
            return {tonumber(n), redis.call('PTTL', KEYS[1])}
            """;

    /** A key's count in its current window and the milliseconds until that window ends. */
    record Window(long count, long millisLeft) {
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection = new AtomicReference<>();
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisWindows(GatewayProperties.Redis redis, CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        this.uri = RedisURI.create(redis.url());
        if (!redis.password().isEmpty()) {
            uri.setCredentialsProvider(io.lettuce.core.RedisCredentialsProvider.from(
                    () -> io.lettuce.core.RedisCredentials.just(null, redis.password())));
        }
        uri.setTimeout(Duration.ofSeconds(2));
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // While disconnected, fail at once (the in-process limit answers) instead of queueing commands.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .build());
        this.breaker = breakers.circuitBreaker(GUARD);
        this.timeLimiter = timeLimiters.timeLimiter(GUARD);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Shared rate limits: Redis circuit breaker {}",
                event.getStateTransition()));
        log.info("Rate limits are shared by the gateway replicas in Redis at {}:{}", uri.getHost(), uri.getPort());
    }

    /** Counts one hit against the key; a new window of {@code period} starts with the first. */
    Mono<Window> hit(String key, Duration period) {
        return run(HIT, key, String.valueOf(Math.max(1, period.toMillis())));
    }

    /** The key's current window, counting nothing. */
    Mono<Window> peek(String key) {
        return run(PEEK, key);
    }

    /** Logs the first failure of a run of them (each one is counted as a metric by the budget). */
    void failed(Throwable failure) {
        if (degraded.compareAndSet(false, true)) {
            log.warn("Shared rate limits unavailable ({}): each gateway replica limits in process until Redis answers again",
                    failure.toString());
        }
    }

    private Mono<Window> run(String script, String key, String... arguments) {
        return Mono.defer(() -> Mono.fromCompletionStage(connected()))
                .flatMap(redis -> Mono.fromCompletionStage(redis.async()
                        .<List<Object>>eval(script, ScriptOutputType.MULTI, new String[] {key}, arguments)))
                .map(RedisWindows::window)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                // The request goes on (token check, routing) off Lettuce's I/O threads.
                .publishOn(Schedulers.parallel())
                .doOnNext(window -> {
                    if (degraded.compareAndSet(true, false)) {
                        log.info("Shared rate limits: Redis answers again");
                    }
                });
    }

    private static Window window(List<Object> answer) {
        return new Window(((Number) answer.get(0)).longValue(), ((Number) answer.get(1)).longValue());
    }

    /** The connection, opened on first use and again after a failed attempt; once open, Lettuce reconnects it. */
    private CompletableFuture<StatefulRedisConnection<String, String>> connected() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt = new CompletableFuture<>();
        if (!connection.compareAndSet(current, attempt)) {
            return connection.get();
        }
        client.connectAsync(StringCodec.UTF8, uri).whenComplete((redis, failure) -> {
            if (failure != null) {
                attempt.completeExceptionally(failure);
            } else {
                attempt.complete(redis);
            }
        });
        return attempt;
    }

    @Override
    public void close() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection.getAndSet(null);
        if (current != null) {
            current.thenAccept(StatefulRedisConnection::close);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
