package org.cyberreport.cooperation.hitcheck;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hit/no-hit between platforms, as cooperation carries it.
 *
 * @param triageUrl         where this platform's triage holds the key and the table
 * @param identifiersPerMinute a partner's blinded identifiers answered per minute, at most (then {@code 429}): each
 *                          is one guess it could test, whatever the number of queries they come in
 * @param timeout           a call to a partner's platform, at most
 */
@ConfigurationProperties("cyberreport.cooperation.hitcheck")
public record HitcheckSettings(@DefaultValue("http://127.0.0.1:8082") String triageUrl,
                               @DefaultValue("240") int identifiersPerMinute, @DefaultValue("10s") Duration timeout) {
}
