package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The whole platform, real Keycloak included, driven through the gateway as each kind of user. */
class PlatformE2EIT {

    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static String reportId;

    @BeforeAll
    static void startPlatformAndFileAReport() throws Exception {
        RunningPlatform.start();
        String body = Files.readString(Path.of(System.getenv("PLATFORM_ROOT"), "docs", "examples", "online-fraud.json"));
        Http.Answer filed = GATEWAY.post("/api/reports", RunningPlatform.tokenFor("reporter.ma"), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        reportId = filed.json().get("id").asString();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        RunningPlatform.stop();
    }

    @Test
    void theReporterReadsItsReportBackThroughTheGateway() {
        Http.Answer read = GATEWAY.get("/api/reports/" + reportId, RunningPlatform.tokenFor("reporter.ma"));

        assertThat(read.status()).isEqualTo(200);
        JsonNode report = read.json();
        assertThat(report.get("reference").asString()).matches("MA-\\d{4}-\\d{6}");
        assertThat(report.get("unit").asString()).isEqualTo("MA-CASABLANCA-CYBER");
        assertThat(report.get("filedBy").asString()).isEqualTo("reporter.ma");
        assertThat(read.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void aReporterOfAnotherUnitGets404() {
        assertThat(GATEWAY.get("/api/reports/" + reportId, RunningPlatform.tokenFor("reporter2.ma")).status()).isEqualTo(404);
    }

    @Test
    void theTriageOfficerOfTheCountryReadsItAndAnotherCountrysGets404() {
        assertThat(GATEWAY.get("/api/reports/" + reportId, RunningPlatform.tokenFor("triage.ma")).status()).isEqualTo(200);
        assertThat(GATEWAY.get("/api/reports/" + reportId, RunningPlatform.tokenFor("triage.fr")).status()).isEqualTo(404);
    }

    @Test
    void aLiaisonIsRefused() {
        Http.Answer answer = GATEWAY.get("/api/reports/" + reportId, RunningPlatform.tokenFor("liaison.fr"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:forbidden");
    }

    @Test
    void aServiceCalledDirectlyChecksTheTokenItself() {
        Http intake = new Http(RunningPlatform.INTAKE);

        assertThat(intake.get("/api/reports/" + reportId, null).status()).isEqualTo(401);
        assertThat(intake.get("/api/reports/" + reportId, "forged.token.value").status()).isEqualTo(401);
        assertThat(intake.get("/api/reports/" + reportId, RunningPlatform.tokenFor("reporter2.ma")).status()).isEqualTo(404);
        assertThat(intake.get("/api/reports/" + reportId, RunningPlatform.tokenFor("liaison.fr")).status()).isEqualTo(403);
    }

    @Test
    void theGatewayRefusesRequestsWithoutAToken() {
        Http.Answer answer = GATEWAY.get("/api/reports", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
