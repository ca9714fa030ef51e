package org.cyberreport.cooperation.hitcheck;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hit/no-hit between platforms, as cooperation carries it.
 *
 * @param triageUrl         where this platform's triage holds the key and the table
 * @param queriesPerMinute  a partner's queries answered per minute, at most (then {@code 429})
 * @param timeout           a call to a partner's platform, at most
 */
@ConfigurationProperties("cyberreport.cooperation.hitcheck")
public record HitcheckSettings(@DefaultValue("http://127.0.0.1:8082") String triageUrl,
                               @DefaultValue("30") int queriesPerMinute, @DefaultValue("10s") Duration timeout) {
}
