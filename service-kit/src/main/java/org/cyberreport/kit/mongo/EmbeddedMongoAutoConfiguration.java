package org.cyberreport.kit.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * The database of a service: the configured MongoDB when a URI is given, otherwise an embedded
 * MongoDB wire-protocol server started in-process on loopback. Either way the application talks to
 * it with the real driver over TCP, so the same code runs against both.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(MongoSettings.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${cyberreport.mongodb.uri:}'.isBlank()")
    EmbeddedQueryStats embeddedQueryStats() {
        return new EmbeddedQueryStats();
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnExpression("'${cyberreport.mongodb.uri:}'.isBlank()")
    MongoServer embeddedMongoServer(MongoSettings settings, EmbeddedQueryStats stats) {
        MongoSettings.Embedded embedded = settings.embedded();
        MongoServer server = new MongoServer(backend(settings, stats));
        server.bind(embedded.host(), embedded.port());
        log.info("Embedded MongoDB for '{}' listening on {} ({} storage)", settings.database(),
                server.getLocalAddress(), embedded.storage().name().toLowerCase());
        return server;
    }

    /** The same indexed store either way; in memory, it is a store without a file. */
    private static MongoBackend backend(MongoSettings settings, EmbeddedQueryStats stats) {
        MongoSettings.Embedded embedded = settings.embedded();
        if (embedded.storage() == MongoSettings.Storage.MEMORY) {
            return DurableH2Backend.open(null, stats);
        }
        try {
            Files.createDirectories(embedded.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + embedded.dataDir().toAbsolutePath(), e);
        }
        Path file = embedded.dataDir().resolve(settings.database() + ".mv");
        return DurableH2Backend.open(file.toAbsolutePath().toString(), (int) embedded.cacheSize().toMegabytes(), stats);
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(MongoSettings settings, ObjectProvider<MongoServer> embedded) {
        ConnectionString connection = settings.usesEmbedded()
                ? embeddedConnection(embedded.getObject(), settings.database())
                : MongoUris.withDefaultDatabase(settings.uri(), settings.database());
        return () -> connection;
    }

    private static ConnectionString embeddedConnection(MongoServer server, String database) {
        var address = server.getLocalAddress();
        return new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(MongoSettings settings) {
        long millis = settings.serverSelectionTimeout().toMillis();
        return builder -> builder
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS));
    }

    /** Replaces Boot's indicator, whose {@code hello} command the embedded server does not answer. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate template, MongoSettings settings) {
        return new MongoPingHealthIndicator(template, settings.usesEmbedded() ? "embedded" : "uri");
    }
}
