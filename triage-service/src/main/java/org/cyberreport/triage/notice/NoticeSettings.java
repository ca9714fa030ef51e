package org.cyberreport.triage.notice;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cyberreport.triage.notices}: how long before its due time a case is "due soon", how far behind
 * the sweep reads changed cases, how far back the very first pass of a scan looks, and how far before
 * its watermark the first sweep after a start reads again.
 */
@ConfigurationProperties("cyberreport.triage.notices")
record NoticeSettings(@DefaultValue("1h") Duration dueSoon, @DefaultValue("5s") Duration sweepLag,
                      @DefaultValue("1h") Duration firstLookBack, @DefaultValue("2m") Duration recoveryLookBack) {
}
