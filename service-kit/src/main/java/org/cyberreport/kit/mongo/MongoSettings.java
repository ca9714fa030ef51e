package org.cyberreport.kit.mongo;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service keeps its data. With a {@code uri} the service uses that MongoDB; without one it
 * starts its own embedded MongoDB wire-protocol server on loopback, keeping its data in
 * {@code embedded.data-dir} (or in memory, for tests).
 *
 * @param uri              a MongoDB connection string; blank means embedded
 * @param database         the database name, used when the URI names none
 * @param serverSelectionTimeout how long an operation waits for a reachable server before failing
 */
@ConfigurationProperties("cyberreport.mongodb")
public record MongoSettings(String uri, @DefaultValue("app") String database,
                            @DefaultValue("5s") Duration serverSelectionTimeout,
                            @DefaultValue Embedded embedded) {

    public boolean usesEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param storage {@code file} (survives restarts) or {@code memory}
     * @param dataDir the folder of the database file
     * @param host    the address to listen on; loopback by default
     * @param port    0 picks a free port
     * @param cacheSize how much of the file the store keeps decoded in memory; the pages a write touches
     *                  at random (the unique indexes of random ids) must fit, or every write reads and
     *                  decodes pages again and the cost of filing grows with what is stored
     */
    public record Embedded(@DefaultValue("file") Storage storage, @DefaultValue("data") Path dataDir,
                           @DefaultValue("127.0.0.1") String host, @DefaultValue("0") int port,
                           @DefaultValue("96MB") DataSize cacheSize) {
    }

    public enum Storage { FILE, MEMORY }
}
