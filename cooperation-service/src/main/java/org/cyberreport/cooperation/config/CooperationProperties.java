package org.cyberreport.cooperation.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl          where partners send their signed answers (the gateway's public address)
 * @param allowedForDevelopment  hosts exempt from the forgery checks and allowed over http: local
 *                               development and tests only, empty by default
 * @param callbackWindow         how old a partner's signature may be
 * @param homeCountries          the countries whose liaisons work on this deployment: partners' platforms may address
 *                               requests to these only (empty: any country)
 */
@ConfigurationProperties("cyberreport.cooperation")
public record CooperationProperties(@DefaultValue("http://localhost:8080") String publicBaseUrl,
                                    @DefaultValue List<String> allowedForDevelopment,
                                    @DefaultValue Signing signing, @DefaultValue Forwarding forwarding,
                                    @DefaultValue("5m") Duration callbackWindow, @DefaultValue List<String> homeCountries) {

    public record Signing(@DefaultValue("cyberreport-local-dev") String keyId, String privateKey, String publicKey,
                          @DefaultValue("data/cooperation/local-development-signing-key.txt") Path localDevelopmentKeyFile) {
    }

    public record Forwarding(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration connectTimeout,
                             @DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration lease,
                             @DefaultValue("12") int maxAttempts, @DefaultValue("1s") Duration firstBackoff,
                             @DefaultValue("10m") Duration maxBackoff, @DefaultValue("500ms") Duration pollInterval,
                             @DefaultValue("50") int batchSize, @DefaultValue("32") int concurrency) {
    }
}
