package org.cyberreport.triage.hitcheck;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hit/no-hit between platforms.
 *
 * @param key                     the holder's OPRF key (64 hex digits); empty: a local-development key made once
 *                                in {@code localDevelopmentKeyFile}
 * @param country                 whose cases a partner's query is answered from (ISO code); empty: every case held here
 * @param tableRefresh            how often the identifiers named since the last pass enter the table
 * @param maxIdentifiers          blinded identifiers in one query, at most
 */
@ConfigurationProperties("cyberreport.hitcheck")
public record HitcheckProperties(String key, Path localDevelopmentKeyFile, String country,
                                 @DefaultValue("5s") Duration tableRefresh, @DefaultValue("8") int maxIdentifiers) {
}
