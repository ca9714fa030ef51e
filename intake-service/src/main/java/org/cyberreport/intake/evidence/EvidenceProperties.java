package org.cyberreport.intake.evidence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files' limits.
 *
 * @param maxFileSize      one file, at most
 * @param maxReportSize    all of one report's files together, at most
 * @param maxFiles         files of one report, at most
 * @param abandonedAfter   a file still arriving after this long was cut off (a crash, a lost connection): it goes
 */
@ConfigurationProperties("cyberreport.evidence")
public record EvidenceProperties(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("500MB") DataSize maxReportSize,
                                 @DefaultValue("50") int maxFiles, @DefaultValue("1h") Duration abandonedAfter) {
}
