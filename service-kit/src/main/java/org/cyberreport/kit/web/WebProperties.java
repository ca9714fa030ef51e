package org.cyberreport.kit.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that every service applies to incoming requests.
 *
 * @param maxBodySize the largest body (JSON, UTF-8)
 * @param uploads     paths that take files instead (any bytes), each with its own largest body
 */
@ConfigurationProperties("cyberreport.web")
public record WebProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue List<Upload> uploads) {

    /** A path (Ant pattern, e.g. {@code /api/reports/*\/files}) that takes a file up to {@code maxSize}. */
    public record Upload(String path, DataSize maxSize) {
    }
}
