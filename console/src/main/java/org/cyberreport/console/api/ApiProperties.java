package org.cyberreport.console.api;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the console reaches the API.
 *
 * @param baseUrl        the gateway, e.g. {@code http://localhost:8080}
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout    how long an answer may take; longer than the gateway's own response timeout,
 *                       so the gateway's 503 problem arrives rather than a bare timeout
 */
@ConfigurationProperties("console.api")
public record ApiProperties(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
}
