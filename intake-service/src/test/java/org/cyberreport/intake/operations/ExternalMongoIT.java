package org.cyberreport.intake.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.cyberreport.intake.IntakeApplication;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * With a URI, intake uses that MongoDB and starts nothing of its own; readiness follows the database.
 * A MongoDB wire-protocol server started by the test stands in for the external database.
 */
class ExternalMongoIT {

    /** Health components are shown to administrators only. */
    private static final String HEALTH_ADMIN =
            org.cyberreport.kit.testing.TestTokens.user("admin", java.util.List.of("admin"), null, null);

    @Test
    void usesTheConfiguredDatabaseAndReportsItsHealthTruthfully() throws Exception {
        MongoServer external = new MongoServer(new MemoryBackend());
        String uri = external.bindAndGetConnectionString();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--cyberreport.relay.enabled=false",
                "--cyberreport.mongodb.uri=" + uri,
                "--cyberreport.mongodb.server-selection-timeout=1s",
                "--cyberreport.security.issuer=" + TestTokens.ISSUER,
                "--cyberreport.security.audience=" + TestTokens.AUDIENCE,
                "--cyberreport.security.jwk-set-uri=" + JwksServer.url())) {
            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
            Http management = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.management.port")));

            assertThat(context.getBeansOfType(MongoServer.class)).isEmpty();
            Http.Answer filed = http.post("/api/reports", TestTokens.reporter("MA", "u1"),
                    Files.readString(IntakeIT.EXAMPLES.resolve("crypto.json")), Map.of("Idempotency-Key", "key-external-1"));
            assertThat(filed.status()).isEqualTo(201);
            try (var client = MongoClients.create(uri)) {
                assertThat(client.getDatabase("intake").getCollection("reports").countDocuments()).isEqualTo(1);
            }
            Http.Answer ready = management.get("/actuator/health/readiness", HEALTH_ADMIN);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");

            external.shutdownNow();

            Http.Answer down = management.get("/actuator/health/readiness", HEALTH_ADMIN);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("components").get("mongo").get("status").asString()).isEqualTo("DOWN");
            assertThat(management.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            Http.Answer refused = http.post("/api/reports", TestTokens.reporter("MA", "u1"),
                    Files.readString(IntakeIT.EXAMPLES.resolve("crypto.json")), Map.of("Idempotency-Key", "key-external-2"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:service-unavailable");
        } finally {
            external.shutdownNow();
        }
    }
}
