package org.cyberreport.gateway.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.ForwardedHeaderUtils;

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Errors raised inside the gateway (no route or resource, a method or media type not supported,
 * forwarded headers that cannot be read, and any defect) as problem documents instead of Boot's default error JSON. Only a defect (500, logged as
 * one) or a service that does not answer (502 to 504) is a 5xx.
 */
@Component
@Order(-2) // before Boot's default handler (-1)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private static final Set<HttpStatus> UNAVAILABLE = Set.of(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE,
            HttpStatus.GATEWAY_TIMEOUT);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof AbortedException) {
            return Mono.empty(); // the caller closed the connection: nobody to answer, nothing broken
        }
        if (exchange.getResponse().isCommitted()) {
            // The answer has started: it can only be cut (the connection closes), which the caller sees.
            log.warn("{} {}: failed after its answer started: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.toString(), failure);
            return Mono.error(failure);
        }
        if (forwardedHeaders(failure)) {
            // A trusted proxy's forwarded headers (or a caller's, where loopback is trusted) that name no valid
            // host, port or scheme: the caller's input, not a defect.
            return problems.write(exchange, HttpStatus.BAD_REQUEST, "malformed-request", "The request is malformed",
                    "The forwarded headers (Forwarded, X-Forwarded-*) do not name a valid host, port and scheme", Map.of());
        }
        HttpStatus status = failure instanceof ResponseStatusException refusal
                ? HttpStatus.resolve(refusal.getStatusCode().value()) : null;
        if (status != null && (status.is4xxClientError() || UNAVAILABLE.contains(status))) {
            exchange.getResponse().getHeaders().addAll(((ResponseStatusException) failure).getHeaders());
        } else if (status == null && unreachable(failure)) {
            // A route without a circuit breaker (the documentation) whose service is down.
            log.warn("{} {}: no answer from behind the gateway: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.toString());
            status = HttpStatus.BAD_GATEWAY;
        } else {
            log.error("Defect: {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return problems.forStatus(exchange, status);
    }

    /** Spring's reading of the forwarded headers failed on their content. */
    private static boolean forwardedHeaders(Throwable failure) {
        return failure instanceof IllegalArgumentException && failure.getStackTrace().length > 0
                && ForwardedHeaderUtils.class.getName().equals(failure.getStackTrace()[0].getClassName());
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
