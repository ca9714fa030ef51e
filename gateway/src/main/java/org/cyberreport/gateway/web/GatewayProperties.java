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
 * @param consoleOrigins the web console's origins; no other origin gets CORS headers
 */
@ConfigurationProperties("cyberreport.gateway")
public record GatewayProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue RateLimit rateLimit,
                                @DefaultValue("http://localhost:5173") List<String> consoleOrigins) {

    public record RateLimit(@DefaultValue("50") int requests, @DefaultValue("1s") Duration period) {
    }
}
