package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Reports filed through the gateway become cases in the right country's queue, with the expected
 * level, linked across countries, and none lost when triage crashes.
 */
class TriageE2EIT {

    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    @BeforeAll
    static void start() throws Exception {
        RunningPlatform.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RunningPlatform.stop();
    }

    @Test
    void aHundredReportsFromSeveralUnitsReachTheirCountrysQueueWithTheExpectedLevel() {
        Map<String, String> tokens = Map.of("reporter.ma", RunningPlatform.tokenFor("reporter.ma"),
                "reporter2.ma", RunningPlatform.tokenFor("reporter2.ma"), "reporter.fr", RunningPlatform.tokenFor("reporter.fr"));
        List<String> reporters = List.of("reporter.ma", "reporter.ma", "reporter2.ma", "reporter.fr");
        Map<String, Filed> filed = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String reporter = reporters.get(i % reporters.size());
            Reports.Kind kind = Reports.Kind.values()[(i / 4) % Reports.Kind.values().length];
            String id = file(tokens.get(reporter), Reports.onlineFraud(kind, SERIAL.incrementAndGet()));
            filed.put(id, new Filed(reporter.endsWith(".fr") ? "FR" : "MA", kind));
        }
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        String triageFr = RunningPlatform.tokenFor("triage.fr");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> filed.keySet().stream().allMatch(id -> caseOf(id, filed.get(id).country(), triageMa, triageFr) != null));

        for (Map.Entry<String, Filed> report : filed.entrySet()) {
            boolean moroccan = report.getValue().country().equals("MA");
            JsonNode view = caseOf(report.getKey(), report.getValue().country(), triageMa, triageFr);
            assertThat(view.get("level").asString()).as("level of a %s report", report.getValue().kind())
                    .isEqualTo(report.getValue().kind().expectedLevel);
            assertThat(GATEWAY.get("/api/triage/cases/" + report.getKey(), moroccan ? triageFr : triageMa).status())
                    .as("the other country's officer").isEqualTo(404);
        }
        JsonNode queue = GATEWAY.get("/api/triage/cases?size=100", triageMa).json();
        List<String> levels = new ArrayList<>();
        queue.get("items").forEach(item -> levels.add(item.get("level").asString()));
        assertThat(levels).isSorted();
    }

    @Test
    void reportsFromTwoCountriesThatShareAWalletAreLinked() {
        String wallet = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        String moroccan = file(RunningPlatform.tokenFor("reporter.ma"), Reports.cryptoTo(wallet, SERIAL.incrementAndGet()));
        String french = file(RunningPlatform.tokenFor("reporter.fr"), Reports.cryptoTo(wallet.toLowerCase(), SERIAL.incrementAndGet()));
        String triageMa = RunningPlatform.tokenFor("triage.ma");

        JsonNode linked = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/triage/cases/" + moroccan, triageMa),
                        answer -> answer.status() == 200 && answer.json().get("links").size() == 1).json();

        assertThat(linked.get("links").get(0).get("country").asString()).isEqualTo("FR");
        JsonNode frenchCase = GATEWAY.get("/api/triage/cases/" + french, RunningPlatform.tokenFor("triage.fr")).json();
        assertThat(linked.get("links").get(0).get("reference").asString()).isEqualTo(frenchCase.get("reference").asString());
    }

    @Test
    void everyReportThatGotA201IsACaseExactlyOnceAfterTriageCrashes() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter2.ma");
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        long before = GATEWAY.get("/api/triage/cases?size=1", triageMa).json().get("totalItems").asLong();
        List<String> accepted = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                RunningPlatform.crash("triage");
            }
            accepted.add(file(reporter, Reports.onlineFraud(Reports.Kind.SMALL, SERIAL.incrementAndGet())));
        }
        RunningPlatform.restart("triage");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                accepted.stream().allMatch(id -> GATEWAY.get("/api/triage/cases/" + id, triageMa).status() == 200));
        long after = GATEWAY.get("/api/triage/cases?size=1", triageMa).json().get("totalItems").asLong();
        assertThat(after - before).isEqualTo(accepted.size());
    }

    private static String file(String token, String body) {
        Http.Answer answer = GATEWAY.post("/api/reports", token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static JsonNode caseOf(String id, String country, String triageMa, String triageFr) {
        Http.Answer answer = GATEWAY.get("/api/triage/cases/" + id, country.equals("MA") ? triageMa : triageFr);
        return answer.status() == 200 ? answer.json() : null;
    }

    private record Filed(String country, Reports.Kind kind) {
    }
}
