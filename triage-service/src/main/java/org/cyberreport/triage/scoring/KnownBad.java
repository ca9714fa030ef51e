package org.cyberreport.triage.scoring;

import java.time.Instant;

/** An identifier of a case that an imported feed lists as known bad: which feed, from whom, marked how. */
public record KnownBad(String key, String feedId, String feed, String source, String tlp, Instant importedAt) {
}
