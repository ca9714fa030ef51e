package org.cyberreport.console.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console's own settings.
 *
 * @param zone the time zone in which the pages show times and read the times users type
 */
@ConfigurationProperties("console")
public record ConsoleProperties(ZoneId zone) {
}
