package org.cyberreport.gateway.web;

import java.util.LinkedHashMap;
import java.util.Locale;
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
 * services ({@code urn:cyberreport:problem:*}). Every refusal written here (a 4xx other than 429) is
 * marked on the exchange, so that {@link Refusals} counts it against the client address.
 */
@Component
public class Problems {

    /** Exchange attribute: the gateway itself refused this request. */
    static final String REFUSED = Problems.class.getName() + ".refused";

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

    /** A problem for a bare status (set by a part of the framework that writes no body of its own). */
    Mono<Void> forStatus(ServerWebExchange exchange, HttpStatus status) {
        String kind = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = status == HttpStatus.INTERNAL_SERVER_ERROR ? "The gateway failed to handle the request"
                : status.is5xxServerError() ? "A service behind the gateway did not answer"
                : "The request was refused: " + status.getReasonPhrase();
        return write(exchange, status, kind, status.getReasonPhrase(), detail, Map.of());
    }

    Mono<Void> tooManyRequests(ServerWebExchange exchange, long seconds, String caller) {
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests from this " + caller + "; retry after " + seconds + " s", Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String kind, String title, String detail,
                            Map<String, Object> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (status.is4xxClientError() && status != HttpStatus.TOO_MANY_REQUESTS) {
            exchange.getAttributes().put(REFUSED, Boolean.TRUE);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // Also on answers given before the security chain (which adds these to everything it sees).
        response.getHeaders().set("Cache-Control", "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
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

    /** The serialised form of a problem, for the answers written below WebFlux (on the Netty channel). */
    byte[] toJson(Map<String, Object> problem) {
        return json.writeValueAsBytes(problem);
    }

    static String clientAddress(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

}
