package org.cyberreport.intake.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends IntakeIT {

    /** Health components are shown to administrators only. */
    private static final String HEALTH_ADMIN =
            org.cyberreport.kit.testing.TestTokens.user("admin", java.util.List.of("admin"), null, null);

    @Test
    void livenessAndReadinessAreUpWithTheDatabase() {
        Http.Answer liveness = http.get("/actuator/health/liveness", null);
        Http.Answer readiness = http.get("/actuator/health/readiness", HEALTH_ADMIN);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        assertThat(http.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(http.get("/actuator/env", TestTokens.reporter("MA", "u1")).status()).isIn(403, 404);
        assertThat(http.get("/actuator/heapdump", TestTokens.reporter("MA", "u1")).status()).isIn(403, 404);
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsProblems() {
        JsonNode api = http.get("/v3/api-docs", null).json();

        JsonNode paths = api.get("paths");
        assertThat(paths.propertyNames()).contains("/api/reports", "/api/reports/{id}", "/api/reports/{id}/amendments",
                "/api/reports/{id}/withdrawal");
        JsonNode filing = paths.get("/api/reports").get("post");
        assertThat(filing.get("responses").propertyNames()).contains("201", "400", "401", "403", "413", "422");
        assertThat(filing.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        assertThat(api.get("components").get("schemas").propertyNames())
                .contains("Problem", "ReportContent", "ReportResponse", "OnlineFraudDetails", "ExtortionDetails",
                        "CryptoDetails", "DataTheftDetails", "AmendReportRequest", "WithdrawReportRequest");
        assertThat(api.get("components").get("securitySchemes").has("keycloak")).isTrue();
    }

    @Test
    void logLinesOfARequestCarryItsCorrelationId(CapturedOutput output) {
        http.post("/api/reports", TestTokens.reporter("MA", "casablanca-cyber"), example("crypto"),
                Map.of("Idempotency-Key", "key-log-0001", "X-Correlation-Id", "trace-me-7"));

        assertThat(output.getOut()).containsPattern("\\[trace-me-7\\] .*Report MA-2026-\\d{6} filed by unit casablanca-cyber");
    }
}
