package org.cyberreport.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem answers written by the gateway itself, with the same stable types as the
 * services ({@code urn:cyberreport:problem:*}).
 */
@Component
public class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required",
                "The request needs a valid bearer token issued for this platform", Map.of());
    }

    public Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException failure) {
        return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "The caller's role does not allow this operation",
                "The caller's roles do not allow this route", Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail,
                            Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(body(exchange, status, kind, title, detail, extra));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    public static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String kind, String title,
                                           String detail, Map<String, Object> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:cyberreport:problem:" + kind);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        String correlationId = exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.put("correlationId", correlationId);
        }
        problem.putAll(extra);
        return problem;
    }

}
