package org.cyberreport.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Takes a well-formed {@code X-Correlation-Id} or makes one, passes it downstream and returns it, returns
 * the request's trace id ({@code X-Trace-Id}: the services' log lines for the request carry it, and so
 * do those of the hand-offs it caused), and logs one access line per request with both.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String TRACE_HEADER = "X-Trace-Id";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // a caller's trace context is not passed on: the gateway's own travels downstream (EdgeTracing)
        ServerWebExchange tagged = exchange.mutate().request(request -> request.headers(headers -> {
            headers.set(HEADER, id);
            EdgeTracing.CALLER_TRACE_HEADERS.forEach(headers::remove);
        })).build();
        String traceId = traceId(exchange);
        tagged.getResponse().beforeCommit(() -> {
            tagged.getResponse().getHeaders().set(HEADER, id);
            if (traceId != null) {
                tagged.getResponse().getHeaders().set(TRACE_HEADER, traceId);
            }
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(tagged).doFinally(signal -> log.info("[{}] [{}] {} {} -> {} in {} ms", traceId == null ? "" : traceId,
                id, exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                tagged.getResponse().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
    }

    /** The trace id of the request's observation (WebFlux starts it before any filter), or null without tracing. */
    private static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
