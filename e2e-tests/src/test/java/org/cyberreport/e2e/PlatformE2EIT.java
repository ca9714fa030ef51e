package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole platform, real Keycloak included, driven through the gateway as each kind of user. */
class PlatformE2EIT {

    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> RETENTION = Map.of("INTAKE_RETENTION_WITHDRAWN", "P0D",
            "INTAKE_RETENTION_WITHDRAWN_BY_UNIT", "P0D", "INTAKE_RETENTION_SWEEP", "PT2S", "INTAKE_RETENTION_FIRST_SWEEP", "PT2S");
    private static String reportId;
    private static String filingTrace;

    @BeforeAll
    static void startPlatformAndFileAReport() throws Exception {
        // the applications log one JSON object per line here (plain text is the local default)
        RunningPlatform.environment("CYBERREPORT_LOG_FORMAT", "ecs");
        // a withdrawn report is erased at once here (a year by default), looked for every two seconds
        RETENTION.forEach(RunningPlatform::environment);
        RunningPlatform.start();
        String body = Files.readString(Path.of(System.getenv("PLATFORM_ROOT"), "docs", "examples", "online-fraud.json"));
        Http.Answer filed = GATEWAY.post("/api/reports", RunningPlatform.tokenFor("reporter.ma"), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        reportId = filed.json().get("id").asString();
        filingTrace = filed.header("X-Trace-Id");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        RunningPlatform.stop();
        RunningPlatform.withoutEnvironment("CYBERREPORT_LOG_FORMAT");
        RETENTION.keySet().forEach(RunningPlatform::withoutEnvironment);
    }

    /**
     * One trace from the gateway through intake and, by the hand-off's stored trace context, the relay's later
     * delivery to triage; the officer's escalation is a trace of its own from the gateway through triage and
     * its hand-off to cooperation. Every line the applications log is a JSON object, and the lines of each step
     * carry its trace id.
     */
    @Test
    void theTraceIdOfTheGatewaysAnswerIsInTheLogLinesOfEveryServiceThatHandledTheReport() throws Exception {
        assertThat(filingTrace).as("X-Trace-Id of the filing").matches("[0-9a-f]{32}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(linesWith("intake", filingTrace)).anyMatch(line -> line.contains("filed by unit"));
            assertThat(linesWith("triage", filingTrace)).anyMatch(line -> line.contains("opened at"));
        });
        String officer = RunningPlatform.tokenFor("triage.ma");
        await().atMost(Duration.ofSeconds(30)).until(() -> GATEWAY.get("/api/triage/cases/" + reportId, officer).status() == 200);

        Http.Answer escalated = GATEWAY.post("/api/triage/cases/" + reportId + "/escalations", officer,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                        + "\"reason\":\"The money went through a French payment institution two hours ago\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(202);
        String escalationTrace = escalated.header("X-Trace-Id");
        assertThat(escalationTrace).matches("[0-9a-f]{32}").isNotEqualTo(filingTrace);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(linesWith("triage", escalationTrace)).anyMatch(line -> line.contains("escalated to FR"));
            assertThat(linesWith("cooperation", escalationTrace)).anyMatch(line -> line.contains("recorded as"));
        });
        assertThat(linesWith("gateway", escalationTrace)).anyMatch(line -> line.contains("/escalations"));

        for (String application : List.of("gateway", "intake", "triage", "cooperation")) {
            List<String> lines = Files.readAllLines(logOf(application));
            assertThat(lines.stream().filter(line -> line.startsWith("{")).count()).as(application).isGreaterThan(10);
            assertThat(lines).as(application + ": a line in the plain-text pattern")
                    .noneMatch(line -> line.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- .*"));
        }
    }

    /**
     * An auditor reads each service's audit trail through the gateway (the filing, and who read it), and the
     * launcher's verification finds every chain intact; no other role reads a trail.
     */
    @Test
    void anAuditorReadsEachServicesTrailThroughTheGatewayAndTheChainsVerify() throws Exception {
        String auditor = RunningPlatform.tokenFor("auditor");
        Http.Answer intake = GATEWAY.get("/api/reports/audit?record=" + reportId, auditor);
        assertThat(intake.status()).as(intake.body()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        intake.json().get("records").forEach(record -> actions.add(record.get("action").asString()));
        assertThat(actions).contains("REPORT_FILED");
        for (String service : List.of("reports", "triage", "cooperation")) {
            assertThat(GATEWAY.get("/api/" + service + "/audit?limit=5", auditor).status()).as(service).isEqualTo(200);
            for (String other : List.of("triage.ma", "reporter.ma", "admin")) {
                assertThat(GATEWAY.get("/api/" + service + "/audit", RunningPlatform.tokenFor(other)).status())
                        .as(service + " for " + other).isEqualTo(403);
            }
        }
        Http.Answer readings = GATEWAY.get("/api/reports/audit?action=AUDIT_CONSULTED&user=auditor", auditor);
        assertThat(readings.json().get("returned").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(RunningPlatform.launcher("audit-verify")).as("./platform audit-verify").isZero();
    }

    /**
     * A report past its retention is erased everywhere (intake's report, triage's case, cooperation's request
     * made about it), with a record of it in each service's trail; a report under an administrator's legal
     * hold is not.
     */
    @Test
    void aReportPastItsRetentionIsErasedEverywhereAndOneOnLegalHoldIsNot() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String officer = RunningPlatform.tokenFor("triage.ma");
        String erased = fileExample(reporter);
        String held = fileExample(reporter);
        await().atMost(Duration.ofSeconds(30)).until(() -> GATEWAY.get("/api/triage/cases/" + erased, officer).status() == 200
                && GATEWAY.get("/api/triage/cases/" + held, officer).status() == 200);
        Http.Answer hold = GATEWAY.send(GATEWAY.request("/api/reports/" + held + "/legal-hold", RunningPlatform.tokenFor("admin"),
                Map.of("Content-Type", "application/json")).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"reason\":\"Court order 2026/118\"}")));
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);
        Http.Answer escalated = GATEWAY.post("/api/triage/cases/" + erased + "/escalations", officer,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                        + "\"reason\":\"The money went through a French payment institution two hours ago\"}");
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(202);
        String request = escalated.json().get("escalationId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> GATEWAY.get("/api/cooperation/requests/" + request, officer).status() == 200);
        for (String id : List.of(erased, held)) {
            Http.Answer withdrawn = GATEWAY.post("/api/reports/" + id + "/withdrawal", reporter, "{\"reason\":\"Filed by mistake\"}");
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                GATEWAY.get("/api/reports/" + erased, reporter).status() == 404
                        && GATEWAY.get("/api/triage/cases/" + erased, officer).status() == 404);
        String auditor = RunningPlatform.tokenFor("auditor");
        assertThat(GATEWAY.get("/api/reports/audit?action=REPORT_ERASED&record=" + erased, auditor).json().get("returned").asInt())
                .isEqualTo(1);
        assertThat(GATEWAY.get("/api/triage/audit?action=CASE_ERASED&record=" + erased, auditor).json().get("returned").asInt())
                .isEqualTo(1);
        // the case's tombstone tells cooperation, by its own relay, to erase the request made about it
        await().atMost(Duration.ofSeconds(30)).until(() -> GATEWAY.get("/api/cooperation/requests/" + request, officer).status() == 404);
        Http.Answer requestErased = GATEWAY.get("/api/cooperation/audit?action=REQUEST_ERASED&record=" + request, auditor);
        assertThat(requestErased.json().get("returned").asInt()).as(requestErased.body()).isEqualTo(1);
        assertThat(requestErased.json().get("records").get(0).get("details").get("basis").asString()).isEqualTo("case-erased");
        // kept through two more sweeps (one every two seconds)
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500)).until(() ->
                GATEWAY.get("/api/reports/" + held, reporter).status() == 200
                        && GATEWAY.get("/api/triage/cases/" + held, officer).status() == 200);
    }

    private static String fileExample(String reporter) throws Exception {
        String body = Files.readString(Path.of(System.getenv("PLATFORM_ROOT"), "docs", "examples", "online-fraud.json"));
        Http.Answer filed = GATEWAY.post("/api/reports", reporter, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asString();
    }

    /** The JSON log lines of an application that name a trace (each parsed, so a line that is not JSON fails). */
    private static List<String> linesWith(String application, String traceId) throws Exception {
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(logOf(application))) {
            if (line.contains(traceId)) {
                JsonNode parsed = JSON.readTree(line);
                found.add(parsed.path("message").asString(""));
            }
        }
        return found;
    }

    private static Path logOf(String application) {
        return Path.of(System.getenv("PLATFORM_RUN_DIR"), "logs", application + ".log");
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

    /**
     * An evidence file through the gateway (an upload of 3 MB, above the JSON bodies' limit): typed by its content,
     * listed in the report's next version, which reaches triage (the custody says so), downloaded by the country's
     * officer as an attachment, out of reach of another unit; its chain of custody holds every handling.
     */
    @Test
    void anEvidenceFileTravelsThroughTheGatewayWithItsChainOfCustody() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String officer = RunningPlatform.tokenFor("triage.ma");
        byte[] content = new byte[3 * 1024 * 1024];
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        new java.util.Random(7).nextBytes(content);
        System.arraycopy(header, 0, content, 0, header.length);
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));

        Http.Answer attached = GATEWAY.send(GATEWAY.request("/api/reports/" + reportId + "/files?name=bank-statement.pdf&sha256="
                + sha256, reporter, Map.of("Content-Type", "application/pdf")).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        String fileId = attached.json().get("id").asString();
        assertThat(attached.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(attached.json().get("sha256").asString()).isEqualTo(sha256);

        java.net.http.HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(GATEWAY.request(
                "/api/reports/" + reportId + "/files/" + fileId + "/content", officer, Map.of()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(GATEWAY.get("/api/reports/" + reportId + "/files/" + fileId, RunningPlatform.tokenFor("reporter2.ma")).status())
                .isEqualTo(404);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> GATEWAY.get("/api/reports/"
                + reportId + "/files/" + fileId, reporter).json().get("custody").findValuesAsString("action").contains("PASSED_TO_TRIAGE"));
        assertThat(GATEWAY.get("/api/reports/" + reportId + "/files/" + fileId, reporter).json().get("custody")
                .findValuesAsString("action")).containsSubsequence("RECEIVED", "DOWNLOADED").contains("PASSED_TO_TRIAGE");
    }

    /**
     * A file goes abroad only with a request that may carry it: refused with an information request, attached to a
     * payment stop, listed for France's liaison (not Spain's), downloaded by France's liaison alone (the officer who
     * sent it cannot pull it through cooperation), and the disclosure is in the file's chain of custody: who, which
     * country, which request.
     */
    @Test
    void anEvidenceFileGoesAbroadOnlyWithARequestThatMayCarryItAndItsDisclosureJoinsTheCustody() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String officer = RunningPlatform.tokenFor("triage.ma");
        String liaison = RunningPlatform.tokenFor("liaison.fr");
        String caseId = GATEWAY.post("/api/reports", reporter, Reports.onlineFraud(Reports.Kind.GOLDEN_HOUR, 78_001),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json().get("id").asString();
        byte[] statement = "%PDF-1.7\nBank statement of the victim: EUR 500.00 to DE account, 2 hours ago.\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Http.Answer attached = GATEWAY.send(GATEWAY.request("/api/reports/" + caseId + "/files?name=statement.pdf", reporter,
                Map.of("Content-Type", "application/pdf")).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(statement)));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        String fileId = attached.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> GATEWAY.get("/api/triage/cases/" + caseId, officer).status() == 200);

        String information = GATEWAY.post("/api/triage/cases/" + caseId + "/escalations", officer,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"INFORMATION_REQUEST\",\"urgent\":false,"
                        + "\"reason\":\"Who holds the German account the money went to?\"}").json().get("escalationId").asString();
        String paymentStop = GATEWAY.post("/api/triage/cases/" + caseId + "/escalations", officer,
                "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                        + "\"reason\":\"The money left two hours ago through a French payment institution\"}").json()
                .get("escalationId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> GATEWAY.get("/api/cooperation/requests/" + information, officer).status() == 200
                && GATEWAY.get("/api/cooperation/requests/" + paymentStop, officer).status() == 200);

        Http.Answer refused = GATEWAY.post("/api/cooperation/requests/" + information + "/files", officer,
                "{\"fileId\":\"" + fileId + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("carries no evidence file");
        Http.Answer carried = GATEWAY.post("/api/cooperation/requests/" + paymentStop + "/files", officer,
                "{\"fileId\":\"" + fileId + "\"}");
        assertThat(carried.status()).as(carried.body()).isEqualTo(201);
        assertThat(carried.json().get("sha256").asString()).isEqualTo(attached.json().get("sha256").asString());
        assertThat(GATEWAY.post("/api/cooperation/requests/" + paymentStop + "/files", officer,
                "{\"fileId\":\"no-such-file\"}").status()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(60)).until(() -> GATEWAY.get("/api/cooperation/requests/" + paymentStop, liaison).status() == 200);
        assertThat(GATEWAY.get("/api/cooperation/requests/" + paymentStop + "/files", liaison).json().findValuesAsString("name"))
                .containsExactly("statement.pdf");
        assertThat(GATEWAY.get("/api/cooperation/requests/" + paymentStop + "/files", RunningPlatform.tokenFor("liaison.es"))
                .status()).isEqualTo(404);
        String content = "/api/cooperation/requests/" + paymentStop + "/files/" + fileId + "/content";
        assertThat(GATEWAY.get(content, officer).status()).isEqualTo(403);
        java.net.http.HttpResponse<byte[]> received = java.net.http.HttpClient.newHttpClient().send(
                GATEWAY.request(content, liaison, Map.of()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.body()).isEqualTo(statement);
        assertThat(received.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        JsonNode custody = GATEWAY.get("/api/reports/" + caseId + "/files/" + fileId, reporter).json().get("custody");
        JsonNode disclosure = null;
        for (JsonNode entry : custody) {
            if ("DISCLOSED_ABROAD".equals(entry.get("action").asString())) {
                disclosure = entry;
            }
        }
        assertThat(disclosure).as(custody.toString()).isNotNull();
        assertThat(disclosure.get("by").asString()).isEqualTo("liaison.fr");
        assertThat(disclosure.get("country").asString()).isEqualTo("FR");
        assertThat(disclosure.get("detail").asString()).contains(paymentStop, "PAYMENT_STOP", "from MA to FR");

        // the report is marked TLP:RED afterwards: its files no longer go, whatever the request's own marks say
        assertThat(GATEWAY.post("/api/reports/" + caseId + "/amendments", reporter,
                "{\"reason\":\"The bank asked for strict confidentiality\",\"handling\":{\"tlp\":\"RED\"}}").status())
                .isIn(200, 201);
        Http.Answer afterRed = GATEWAY.get(content, liaison);
        assertThat(afterRed.status()).as(afterRed.body()).isEqualTo(409);
        assertThat(afterRed.body()).contains("TLP:RED");
        assertThat(GATEWAY.get("/api/reports/" + caseId + "/files/" + fileId, reporter).json().get("custody")
                .findValuesAsString("action").stream().filter("DISCLOSED_ABROAD"::equals)).hasSize(1);
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

    /**
     * Each application's management port serves the Prometheus scrape without a token (it is bound to
     * loopback here, and reachable only by the department's monitoring in a deployment), with every
     * metric that the dashboard and the alert rules read (deploy-checks holds them to that list); the
     * gateway routes none of it, and the services' API ports do not serve it.
     */
    @Test
    void everyApplicationExposesTheMetricsTheDashboardAndTheAlertsRead() throws Exception {
        Path list = Path.of(System.getenv("PLATFORM_ROOT"), "deploy", "k8s", "overlays", "production", "monitoring",
                "exposed-metrics.txt");
        List<String[]> expected = new ArrayList<>();
        for (String line : Files.readAllLines(list)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                expected.add(line.trim().split("\\s+"));
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);

        // the filed report is a case, counted in the queue's figures (refreshed every 30 s)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(scrape("triage")).containsPattern("(?m)^triage_queue_cases\\{[^}]*level=\"P[1-4]\"[^}]*status=\"new\"[^}]*} [1-9]"));
        Map<String, String> scrapes = new java.util.TreeMap<>();
        for (String application : RunningPlatform.MANAGEMENT.keySet()) {
            scrapes.put(application, scrape(application));
        }
        List<String> missing = new ArrayList<>();
        for (String[] metric : expected) {
            for (int i = 1; i < metric.length; i++) {
                String scraped = scrapes.get(metric[i]);
                if (!java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(metric[0]) + "[{ ]").matcher(scraped).find()) {
                    missing.add(metric[0] + " from " + metric[i]);
                }
            }
        }
        assertThat(missing).as("metrics listed in exposed-metrics.txt but not in the scrape").isEmpty();
        // the filing is counted per route, at the gateway and in intake, with the application's name
        assertThat(scrapes.get("gateway")).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"intake\"");
        assertThat(scrapes.get("intake")).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*application=\"intake-service\"[^}]*method=\"POST\"[^}]*uri=\"/api/reports\"");
        assertThat(scrapes.get("intake")).containsPattern("outbox_delivery_attempts_total\\{[^}]*outbox=\"triage\"[^}]*} [1-9]");

        assertThat(GATEWAY.get("/actuator/prometheus", null).status()).isIn(401, 404);
        assertThat(new Http(RunningPlatform.INTAKE).get("/actuator/prometheus", null).status()).isIn(401, 404);
    }

    private static String scrape(String application) {
        Http.Answer answer = new Http(RunningPlatform.MANAGEMENT.get(application)).get("/actuator/prometheus", null);
        assertThat(answer.status()).as(application + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}
