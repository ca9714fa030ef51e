package org.cyberreport.gateway.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length exceeds the limit with 413 before anything else reads it.
 * A body sent without a length is checked again by the service that receives it, which applies the
 * same limit while reading.
 */
@Component
class BodySizeFilter implements WebFilter, Ordered {

    private final Problems problems;
    private final long bodyLimit;
    private final GatewayProperties.Uploads uploads;

    BodySizeFilter(Problems problems, GatewayProperties properties) {
        this.problems = problems;
        this.bodyLimit = properties.maxBodySize().toBytes();
        this.uploads = properties.uploads();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = uploads.matches(exchange.getRequest().getPath().value()) ? uploads.maxSize().toBytes() : bodyLimit;
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "The request body is too large", "The request body exceeds the limit of " + limit + " bytes",
                    Map.of("limit", limit));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
