package org.cyberreport.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Takes a well-formed {@code X-Correlation-Id} or makes one, passes it downstream and returns it, and
 * logs one access line per request with it.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger("access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        ServerWebExchange tagged = exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id)))
                .build();
        tagged.getResponse().beforeCommit(() -> {
            tagged.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(tagged).doFinally(signal -> log.info("[{}] {} {} -> {} in {} ms", id,
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                tagged.getResponse().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
