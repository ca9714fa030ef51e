package org.cyberreport.intake.report.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cyberreport.intake.IntakeApplication;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.JwksServer;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Reports filed before a restart are there after it, on the file-backed embedded store. */
class RestartIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");

    @TempDir
    Path dataDir;

    @Test
    void reportsAndReferenceSequencesSurviveARestart() throws Exception {
        String id;
        try (ConfigurableApplicationContext first = start()) {
            Http http = http(first);
            Http.Answer filed = http.post("/api/reports", REPORTER, Files.readString(IntakeIT.EXAMPLES.resolve("crypto.json")),
                    Map.of("Idempotency-Key", "key-restart-0001"));
            assertThat(filed.status()).isEqualTo(201);
            assertThat(filed.json().get("reference").asString()).isEqualTo("MA-" + IntakeIT.YEAR + "-000001");
            id = filed.json().get("id").asString();
        }
        assertThat(dataDir.resolve("intake.mv")).exists();

        try (ConfigurableApplicationContext second = start()) {
            Http http = http(second);
            Http.Answer read = http.get("/api/reports/" + id, REPORTER);
            Http.Answer replay = http.post("/api/reports", REPORTER, Files.readString(IntakeIT.EXAMPLES.resolve("crypto.json")),
                    Map.of("Idempotency-Key", "key-restart-0001"));
            Http.Answer next = http.post("/api/reports", REPORTER, Files.readString(IntakeIT.EXAMPLES.resolve("crypto.json")),
                    Map.of("Idempotency-Key", "key-restart-0002"));

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("content").get("crypto").get("transfers").get(0).get("amount").decimalValue())
                    .isEqualByComparingTo("18250.000000000000000001");
            assertThat(replay.json().get("id").asString()).isEqualTo(id);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(next.json().get("reference").asString()).isEqualTo("MA-" + IntakeIT.YEAR + "-000002");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(IntakeApplication.class).run(
                "--server.port=0",
                "--cyberreport.mongodb.embedded.storage=file",
                "--cyberreport.relay.enabled=false",
                "--cyberreport.mongodb.embedded.data-dir=" + dataDir,
                "--cyberreport.security.issuer=" + TestTokens.ISSUER,
                "--cyberreport.security.audience=" + TestTokens.AUDIENCE,
                "--cyberreport.security.jwk-set-uri=" + JwksServer.url());
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
