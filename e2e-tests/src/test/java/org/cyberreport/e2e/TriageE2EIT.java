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

    @Test
    void anOfficerLooksAWalletUpAndAnotherCountrysOfficerLearnsOnlyTheCountry() {
        String wallet = "0x7d1afa7b718fb893db30a3abc0cfc608aacfebb0";
        String moroccan = file(RunningPlatform.tokenFor("reporter.ma"), Reports.cryptoTo(wallet, SERIAL.incrementAndGet()));
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        String reference = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/triage/cases/" + moroccan, triageMa), answer -> answer.status() == 200)
                .json().get("reference").asString();
        String purpose = "?type=CRYPTO_ADDRESS&chain=ETHEREUM&value=" + wallet.toUpperCase().replace("0X", "0x")
                + "&purpose=A%20bank%20asked%20about%20a%20transfer";

        JsonNode own = GATEWAY.get("/api/triage/lookup" + purpose, triageMa).json().get("identifiers").get(0);
        Http.Answer abroad = GATEWAY.get("/api/triage/lookup" + purpose, RunningPlatform.tokenFor("triage.fr"));

        assertThat(own.get("casesInCountry").asLong()).isEqualTo(1);
        assertThat(own.get("cases").get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(abroad.status()).isEqualTo(200);
        JsonNode french = abroad.json().get("identifiers").get(0);
        assertThat(french.get("casesInCountry").asLong()).isZero();
        assertThat(french.get("countries").toString()).isEqualTo("[\"MA\"]");
        assertThat(abroad.body()).as("nothing of the Moroccan case but its country").doesNotContain(reference).doesNotContain(moroccan);
        assertThat(GATEWAY.get("/api/triage/lookup?type=IBAN&value=FR7630006000011234567890189", triageMa).status())
                .as("no purpose, no look-up").isEqualTo(400);
        assertThat(GATEWAY.get("/api/triage/lookup" + purpose, RunningPlatform.tokenFor("reporter.ma")).status()).isEqualTo(403);
    }

    @Test
    void theFilingUnitSeesItsCasesLevelAndLaterItsOutcome() {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String id = file(reporter, Reports.onlineFraud(Reports.Kind.SMALL, SERIAL.incrementAndGet()));
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        String level = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/triage/cases/" + id, triageMa), answer -> answer.status() == 200)
                .json().get("level").asString();

        JsonNode seen = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/reports/" + id, reporter).json(), report -> report.has("caseState"));
        assertThat(seen.get("caseState").get("level").asString()).isEqualTo(level);
        assertThat(seen.get("caseState").get("status").asString()).isEqualTo("NEW");

        assertThat(GATEWAY.post("/api/triage/cases/" + id + "/claim", triageMa, "").status()).isEqualTo(200);
        assertThat(GATEWAY.post("/api/triage/cases/" + id + "/closure", triageMa,
                "{\"outcome\":\"REFERRED_FOR_INVESTIGATION\",\"reason\":\"Opened an investigation\"}").status()).isEqualTo(200);

        JsonNode closed = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/reports/" + id, reporter).json().get("caseState"),
                        state -> "CLOSED".equals(state.get("status").asString()));
        assertThat(closed.get("outcome").asString()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        assertThat(closed.has("reason")).as("the officer's reason stays in triage").isFalse();
    }

    @Test
    void aCaseClosedWhileIntakeIsDownReachesTheUnitOnceIntakeIsBack() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String id = file(reporter, Reports.onlineFraud(Reports.Kind.SMALL, SERIAL.incrementAndGet()));
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/reports/" + id, reporter).json().has("caseState"));

        RunningPlatform.crash("intake");
        try {
            assertThat(GATEWAY.post("/api/triage/cases/" + id + "/claim", triageMa, "").status()).isEqualTo(200);
            assertThat(GATEWAY.post("/api/triage/cases/" + id + "/closure", triageMa,
                    "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"Nothing to pursue\"}").status()).isEqualTo(200);
            Thread.sleep(Duration.ofSeconds(5)); // several passes meet an intake that is down
        } finally {
            RunningPlatform.restart("intake");
        }

        JsonNode closed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> GATEWAY.get("/api/reports/" + id, reporter).json().get("caseState"),
                        state -> "CLOSED".equals(state.get("status").asString()));
        assertThat(closed.get("outcome").asString()).isEqualTo("NO_FURTHER_ACTION");
    }

    @Test
    void theSupervisorSeesWhoHoldsWhatAndReadsButDoesNotWorkCases() {
        String id = file(RunningPlatform.tokenFor("reporter.ma"), Reports.onlineFraud(Reports.Kind.SMALL, SERIAL.incrementAndGet()));
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> GATEWAY.get("/api/triage/cases/" + id, triageMa).status() == 200);
        assertThat(GATEWAY.post("/api/triage/cases/" + id + "/claim", triageMa, "").status()).isEqualTo(200);
        String supervisor = RunningPlatform.tokenFor("supervisor.ma");

        JsonNode held = GATEWAY.get("/api/triage/supervision/cases?heldBy=triage.ma&size=100", supervisor).json();
        JsonNode officers = GATEWAY.get("/api/triage/supervision/officers", supervisor).json();

        assertThat(held.get("items").findValuesAsString("id")).contains(id);
        assertThat(held.get("items").findValuesAsString("claimedBy")).containsOnly("triage.ma");
        assertThat(officers.findValuesAsString("username")).contains("triage.ma");
        assertThat(GATEWAY.get("/api/triage/supervision/overdue", supervisor).status()).isEqualTo(200);
        assertThat(GATEWAY.get("/api/triage/cases/" + id, supervisor).status()).isEqualTo(200);
        assertThat(GATEWAY.post("/api/triage/cases/" + id + "/release", supervisor, "").status()).isEqualTo(403);
        assertThat(GATEWAY.get("/api/triage/supervision/overdue", triageMa).status()).isEqualTo(403);
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
