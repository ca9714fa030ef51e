package org.cyberreport.gateway.web;

import java.io.IOException;
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

import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Errors raised inside the gateway (no route or resource, a method or media type not supported, and
 * any defect) as problem documents instead of Boot's default error JSON. Only a defect (500, logged as
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
            return Mono.error(failure);
        }
        HttpStatus status = failure instanceof ResponseStatusException refusal
                ? HttpStatus.resolve(refusal.getStatusCode().value()) : null;
        if (status != null && (status.is4xxClientError() || UNAVAILABLE.contains(status))) {
            exchange.getResponse().getHeaders().addAll(((ResponseStatusException) failure).getHeaders());
        } else if (status == null && unreachable(failure)) {
            // A route without a circuit breaker (the documentation) whose service is down.
            status = HttpStatus.BAD_GATEWAY;
        } else {
            log.error("Defect: {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return problems.forStatus(exchange, status);
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
