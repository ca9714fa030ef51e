package org.cyberreport.intake.report.retention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retention's settings, and the schedule its sweep runs on. */
@Configuration
@EnableConfigurationProperties(RetentionProperties.class)
@EnableScheduling
class RetentionConfiguration {
}
