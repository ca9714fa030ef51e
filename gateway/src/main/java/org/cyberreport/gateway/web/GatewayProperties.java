package org.cyberreport.gateway.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own limits and the console origin allowed by CORS.
 *
 * @param maxBodySize    larger bodies get 413
 * @param rateLimit      requests per caller and period
 * @param refusalLimit   requests refused by the gateway itself (no or a bad token, a role that does not fit,
 *                       malformed input) per client address and period; beyond, 429 before the token is checked
 * @param consoleOrigins the web console's origins; no other origin gets CORS headers
 * @param redis          where both limits are counted for all replicas at once; empty: in this process
 * @param requestBodyTimeout how long a request's body may take to arrive after its head; beyond, 408. Shorter
 *                       than the response timeout, so that a client that stops sending its body is refused
 *                       before the service is counted as not answering
 * @param uploads        the paths that take files (evidence), with their own body size and time limits
 */
@ConfigurationProperties("cyberreport.gateway")
public record GatewayProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit,
                                @DefaultValue("http://localhost:5173") List<String> consoleOrigins,
                                @DefaultValue RateLimit refusalLimit, @DefaultValue Redis redis,
                                @DefaultValue("5s") Duration requestBodyTimeout, @DefaultValue Uploads uploads) {

    /**
     * @param paths       Ant patterns of the paths that take a file
     * @param maxSize     the largest file (the service checks its own limits too)
     * @param bodyTimeout how long a file may take to arrive after its request's head
     */
    public record Uploads(@DefaultValue("/api/reports/*/files") List<String> paths, @DefaultValue("100MB") DataSize maxSize,
                          @DefaultValue("10m") Duration bodyTimeout) {

        private static final org.springframework.util.AntPathMatcher MATCHER = new org.springframework.util.AntPathMatcher();

        public boolean matches(String path) {
            return paths.stream().anyMatch(pattern -> MATCHER.match(pattern, path));
        }
    }

    public record RateLimit(@DefaultValue("50") int requests, @DefaultValue("1s") Duration period) {
    }

    /**
     * @param url      {@code redis://host:port[/database]} ({@code rediss://} for TLS); empty: the limits stay in process
     * @param password Redis's password ({@code requirepass}), kept out of the URL so that it can come from a secret
     */
    public record Redis(@DefaultValue("") String url, @DefaultValue("") String password) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
