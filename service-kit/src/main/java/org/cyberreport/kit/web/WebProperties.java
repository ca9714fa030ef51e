package org.cyberreport.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits that every service applies to incoming requests. */
@ConfigurationProperties("cyberreport.web")
public record WebProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
