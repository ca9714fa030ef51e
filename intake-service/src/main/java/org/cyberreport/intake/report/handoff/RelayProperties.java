package org.cyberreport.intake.report.handoff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay of reports to triage.
 *
 * @param triageUrl      triage's internal address (not the gateway)
 * @param connectTimeout and readTimeout bound each HTTP attempt
 * @param concurrency    deliveries in flight at once (each report's versions still go one at a time: a
 *                       report's hand-off is claimed by one delivery until it ends)
 */
@ConfigurationProperties("cyberreport.relay")
public record RelayProperties(@DefaultValue("true") boolean enabled, String triageUrl,
                              @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
                              @DefaultValue("60s") Duration lease, @DefaultValue("10") int maxAttempts,
                              @DefaultValue("1s") Duration firstBackoff, @DefaultValue("5m") Duration maxBackoff,
                              @DefaultValue("500ms") Duration pollInterval, @DefaultValue("20") int batchSize,
                              @DefaultValue("4") int concurrency) {
}
