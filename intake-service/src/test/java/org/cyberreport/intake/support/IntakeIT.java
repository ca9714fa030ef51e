package org.cyberreport.intake.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.RealMongo;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.cyberreport.kit.mongo.EmbeddedQueryStats;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Intake as it runs: real HTTP on a random loopback port, the real MongoDB driver over TCP to the
 * embedded server, and the real token decoder fed by a WireMock key set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cyberreport.mongodb.embedded.storage=memory",
        // tests seal the audit chain themselves (a sealer in the background would race the cleaning of the trail)
        "cyberreport.audit.seal-interval=PT1H",
        "cyberreport.relay.enabled=false",
        "cyberreport.security.issuer=" + TestTokens.ISSUER,
        "cyberreport.security.audience=" + TestTokens.AUDIENCE})
public abstract class IntakeIT {

    public static final Path EXAMPLES = Path.of("..", "docs", "examples");
    /** References carry the year of receipt. */
    public static final int YEAR = Year.now(ZoneOffset.UTC).getValue();

    @LocalServerPort
    protected int port;

    /** The management port: health, metrics, the Prometheus scrape. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http;
    protected Http management;

    @DynamicPropertySource
    static void keySet(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.security.jwk-set-uri", JwksServer::url);
        // a real MongoDB replica set where asked for and a container engine runs (RealMongo), else embedded
        RealMongo.uri("intake-it").ifPresent(uri -> registry.add("cyberreport.mongodb.uri", () -> uri));
    }

    /** The embedded store's account of its queries; absent on a real MongoDB (the profile real-mongodb). */
    @Autowired(required = false)
    private EmbeddedQueryStats queries;

    /** Every query the service made in a test was served by a declared index (none scanned a collection). */
    @AfterEach
    void everyQueryWasServedByAnIndex() {
        if (queries != null) {
            assertThat(queries.drainUnindexed()).as("queries that scanned a whole collection").isEmpty();
        }
        // on a real MongoDB, its profiler says the same of every operation (profile real-mongodb)
        assertThat(RealMongo.collectionScans(mongo)).as("operations that scanned a whole collection").isEmpty();
    }

    @BeforeEach
    void cleanDatabase() {
        http = new Http(port);
        management = new Http(managementPort);
        for (String collection : new String[] {"reports", "report_sequences", "audit_log", "audit_chain", "retention", "erasures", "case_states"}) {
            mongo.remove(new Query(), collection);
        }
        RealMongo.recordOperations(mongo);
    }

    protected Http.Answer file(String token, String body) {
        return http.post("/api/reports", token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    protected Http.Answer file(String token, String key, String body) {
        return http.post("/api/reports", token, body, Map.of("Idempotency-Key", key));
    }

    protected static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected long storedReports() {
        return mongo.count(new Query(), "reports");
    }
}
