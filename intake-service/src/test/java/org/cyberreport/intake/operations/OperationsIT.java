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
        Http.Answer liveness = management.get("/actuator/health/liveness", null);
        Http.Answer readiness = management.get("/actuator/health/readiness", HEALTH_ADMIN);

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }

    /** The scrape is served without a token on the management port only (bound to loopback unless deployed). */
    @Test
    void theManagementPortServesThePrometheusScrapeWithTheFilingCountedPerRoute() {
        assertThat(file(TestTokens.reporter("MA", "u1"), example("online-fraud")).status()).isEqualTo(201);

        Http.Answer scrape = management.get("/actuator/prometheus", null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body())
                .containsPattern("http_server_requests_seconds_count\\{application=\"intake-service\",[^}]*method=\"POST\""
                        + "[^}]*status=\"201\"[^}]*uri=\"/api/reports\"} [1-9]")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/reports\",le=\"[0-9.]+\"}")
                .containsPattern("outbox_handoffs\\{[^}]*outbox=\"triage\"[^}]*state=\"pending\"")
                .contains("jvm_memory_used_bytes{");
        assertThat(http.get("/actuator/prometheus", null).status()).isIn(401, 404);
    }

    @Test
    void noOtherActuatorEndpointIsExposed() {
        assertThat(management.get("/actuator/env", null).status()).isIn(401, 404);
        assertThat(management.get("/actuator/env", TestTokens.reporter("MA", "u1")).status()).isIn(403, 404);
        assertThat(management.get("/actuator/heapdump", TestTokens.reporter("MA", "u1")).status()).isIn(403, 404);
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
    void logLinesOfARequestCarryItsTraceFromTheCallersTraceparent(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        http.post("/api/reports", TestTokens.reporter("MA", "casablanca-cyber"), example("crypto"),
                Map.of("Idempotency-Key", "key-log-0002", "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(output.getOut()).containsPattern("\\[" + traceId + ",[0-9a-f]{16}\\] .*Report MA-2026-\\d{6} filed by unit");
    }

    /** Neither a bearer token (accepted or refused) nor a report's content is ever written to the log. */
    @Test
    void noLogLineHoldsATokenOrTheReportsContent(CapturedOutput output) {
        String narrative = "Narrative-marker-Qx7Zr9 the victim's own words";
        String body = example("online-fraud").replaceFirst("\"narrative\"\\s*:\\s*\"[^\"]*\"",
                "\"narrative\":\"" + narrative + "\"");
        assertThat(body).contains(narrative);
        String reporter = TestTokens.reporter("MA", "casablanca-cyber");
        String forged = reporter.substring(0, reporter.length() - 8) + "AAAAAAAA";

        assertThat(file(reporter, body).status()).isEqualTo(201);
        assertThat(file(reporter, body.replace("\"ONLINE_FRAUD\"", "\"NO_SUCH_CATEGORY\"")).status()).isEqualTo(400);
        assertThat(file(forged, body).status()).isEqualTo(401);
        assertThat(http.get("/api/reports", "not.a.token").status()).isEqualTo(401);

        String log = output.getAll();
        assertThat(log).contains("filed by unit casablanca-cyber"); // the capture holds the service's lines
        assertThat(log).doesNotContain("Narrative-marker-Qx7Zr9").doesNotContain(reporter).doesNotContain(forged)
                .doesNotContain(reporter.substring(reporter.lastIndexOf('.') + 1)).doesNotContain("not.a.token");
    }

    @Test
    void logLinesOfARequestCarryItsCorrelationId(CapturedOutput output) {
        http.post("/api/reports", TestTokens.reporter("MA", "casablanca-cyber"), example("crypto"),
                Map.of("Idempotency-Key", "key-log-0001", "X-Correlation-Id", "trace-me-7"));

        assertThat(output.getOut()).containsPattern("\\[trace-me-7\\] .*Report MA-2026-\\d{6} filed by unit casablanca-cyber");
    }
}
