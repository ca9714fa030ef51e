package org.cyberreport.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The gateway's own resources (the API documentation's pages) are served whole: a {@code Range} or
 * {@code If-Range} header on them is ignored, as RFC 9110 allows. Spring's resource handler answers a
 * range it cannot parse or satisfy with a 416 that announces the whole resource's length and sends no
 * body, an answer no client can read to its end. What is relayed to the services keeps its headers.
 */
@Component
class WholeOwnResources implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (exchange.getRequest().getPath().value().startsWith("/api/")
                || !headers.containsHeader(HttpHeaders.RANGE) && !headers.containsHeader(HttpHeaders.IF_RANGE)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.headers(all -> {
            all.remove(HttpHeaders.RANGE);
            all.remove(HttpHeaders.IF_RANGE);
        })).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }
}
