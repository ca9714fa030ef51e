package org.cyberreport.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Chaos: 1,000 reports filed through the gateway at a steady rate while intake, triage and
 * cooperation are each killed with {@code kill -9} twice at random moments (seeded) and started again,
 * and officers escalate payment frauds to a stand-in for the French endpoint meanwhile. A filing that
 * meets a stopped intake (503) is sent again with the same {@code Idempotency-Key}, as the 503 says.
 * Every report that got a 201 ends as exactly one case, and every escalation that got a 202 reaches
 * France exactly once.
 */
class ChaosE2EIT {

    private static final int REPORTS = 1_000;
    private static final int PER_SECOND = 25;
    private static final long SEED = Long.getLong("chaos.seed", 20261130L);
    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static final WireMockServer FRANCE = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    // +447911250001…: valid UK mobile numbers (from +4479113 on they are not)
    private static final AtomicInteger SERIAL = new AtomicInteger(250_000);
    /** Tokens live five minutes; the test may run longer, so each is taken again after a minute. */
    private static final Map<String, Map.Entry<Long, String>> TOKENS = new ConcurrentHashMap<>();
    /** What each golden-hour report's last escalation attempt got (for the failure message). */
    private static final Map<String, String> LAST_ANSWERS = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        FRANCE.start();
        FRANCE.stubFor(post("/fr-ncb/requests").willReturn(aResponse().withStatus(202)));
        RunningPlatform.start();
    }

    @AfterAll
    static void stop() throws Exception {
        FRANCE.stop();
        RunningPlatform.stop();
    }

    @Test
    void everyAcceptedReportIsOneCaseAndEveryEscalationReachesFranceOnceWhileServicesCrash() throws Exception {
        String admin = RunningPlatform.tokenFor("admin");
        assertThat(GATEWAY.send(GATEWAY.request("/api/cooperation/directory/FR", admin, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"delivery\":\"PUSH\",\"endpoint\":\"http://127.0.0.1:"
                        + FRANCE.port() + "/fr-ncb/requests\"}"))).status()).isEqualTo(200);
        long casesBefore = GATEWAY.get("/api/triage/cases?size=1", token("triage.ma")).json().get("totalItems").asLong();

        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> goldenHour = ConcurrentHashMap.newKeySet();
        Set<String> escalations = ConcurrentHashMap.newKeySet();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch filed = new CountDownLatch(REPORTS);
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(16);
        for (int i = 0; i < REPORTS; i++) {
            boolean golden = i % 50 == 25;
            String body = Reports.onlineFraud(golden ? Reports.Kind.GOLDEN_HOUR : Reports.Kind.SMALL, SERIAL.incrementAndGet());
            Filing filing = new Filing(body, UUID.randomUUID().toString(), clients, id -> {
                accepted.add(id);
                if (golden) {
                    goldenHour.add(id);
                }
                return null;
            }, filed::countDown, unexpected, System.nanoTime() + TimeUnit.MINUTES.toNanos(4));
            clients.schedule(filing, i * 1_000L / PER_SECOND, TimeUnit.MILLISECONDS);
        }
        ScheduledExecutorService escalating = Executors.newSingleThreadScheduledExecutor();
        escalating.scheduleWithFixedDelay(() -> escalateOne(goldenHour, escalations),
                2, 2, TimeUnit.SECONDS);

        crashAtRandomMoments(Duration.ofSeconds(REPORTS / PER_SECOND));
        assertThat(filed.await(5, TimeUnit.MINUTES)).as("every filing answered in the end").isTrue();
        escalating.shutdown();
        escalating.awaitTermination(30, TimeUnit.SECONDS);
        clients.shutdownNow();
        // those filed last, with every service up, once triage has made them cases
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                escalateOne(goldenHour, escalations);
                return goldenHour.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            // what each report still waiting got last, so that a failure says where it stopped
            Map<String, String> last = new java.util.TreeMap<>();
            goldenHour.forEach(id -> last.put(id, LAST_ANSWERS.getOrDefault(id, "never asked")));
            // triage's own answer, without the gateway, and the gateway's breakers
            goldenHour.stream().findFirst().ifPresent(id -> {
                Http.Answer direct = new Http(RunningPlatform.TRIAGE).get("/api/triage/cases/" + id, token("triage.ma"));
                System.out.println("triage directly: " + direct.status() + " " + direct.body());
            });
            Http.Answer breakers = new Http(RunningPlatform.MANAGEMENT.get("gateway")).get("/actuator/circuitbreakers", token("admin"));
            System.out.println("gateway breakers: " + breakers.status() + " " + breakers.body());
            System.out.println(RunningPlatform.diagnose("triage"));
            System.out.println(RunningPlatform.diagnose("gateway"));
            throw new AssertionError("golden-hour reports not escalated after 3 minutes, with their last answers: " + last,
                    timedOut);
        }

        assertThat(unexpected).as("answers other than 201 and the 5xx of a stopped service").isEmpty();
        assertThat(accepted).hasSize(REPORTS);
        assertThat(escalations).hasSize(REPORTS / 50);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                accepted.stream().allMatch(id -> GATEWAY.get("/api/triage/cases/" + id, token("triage.ma")).status() == 200));
        long casesAfter = GATEWAY.get("/api/triage/cases?size=1", token("triage.ma")).json().get("totalItems").asLong();
        assertThat(casesAfter - casesBefore).as("cases made from the accepted reports").isEqualTo(accepted.size());

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                receivedByFrance().keySet().containsAll(escalations));
        Map<String, Long> received = receivedByFrance();
        // an escalation whose answer was lost with triage may have been stored all the same: it must arrive once too
        assertThat(received.keySet()).as("requests France received").containsAll(escalations);
        assertThat(received).as("times each request reached France").allSatisfy((id, times) -> assertThat(times).isEqualTo(1));

        // every accepted filing has exactly one record in intake's audit trail, also one that intake's crash
        // interrupted after its write (its record waited in the report and joined the trail at the next pass),
        // and intake's chain verifies
        Http intake = new Http(RunningPlatform.INTAKE);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String auditor = token("auditor");
            Map<String, Integer> filingRecords = new java.util.TreeMap<>();
            for (String id : accepted) {
                Http.Answer records = intake.get("/api/reports/audit?action=REPORT_FILED&record=" + id, auditor);
                filingRecords.put(id, records.status() == 200 ? records.json().get("returned").asInt() : -records.status());
            }
            assertThat(filingRecords).as("filing records per accepted report").allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        });
        Http.Answer verified = intake.get("/api/reports/audit/verification", token("auditor"));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("intact").asBoolean()).as(verified.body()).isTrue();
        assertThat(verified.json().get("sealed").asLong()).isGreaterThanOrEqualTo(REPORTS);
    }

    /** Each of intake, triage and cooperation killed twice, at seeded random moments of the filing. */
    private static void crashAtRandomMoments(Duration window) throws Exception {
        Random random = new Random(SEED);
        List<Map.Entry<Long, String>> crashes = new ArrayList<>();
        for (String application : List.of("intake", "triage", "cooperation")) {
            for (int i = 0; i < 2; i++) {
                crashes.add(Map.entry((long) random.nextInt((int) window.toMillis()), application));
            }
        }
        crashes.sort(Map.Entry.comparingByKey());
        long started = System.nanoTime();
        for (Map.Entry<Long, String> crash : crashes) {
            long wait = crash.getKey() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (wait > 0) {
                TimeUnit.MILLISECONDS.sleep(wait);
            }
            System.out.printf("chaos: kill -9 %s at %d ms%n", crash.getValue(), crash.getKey());
            RunningPlatform.crash(crash.getValue());
            RunningPlatform.restart(crash.getValue());
        }
    }

    /** Escalates one golden-hour payment fraud that is a case by now; 202 means it must reach France. */
    private static void escalateOne(Set<String> candidates, Set<String> escalations) {
        String officer = token("triage.ma");
        for (String id : List.copyOf(candidates)) {
            try {
                int found = GATEWAY.get("/api/triage/cases/" + id, officer).status();
                if (found != 200) {
                    LAST_ANSWERS.put(id, "case " + found);
                    continue;
                }
                Http.Answer answer = GATEWAY.post("/api/triage/cases/" + id + "/escalations", officer,
                        "{\"destinationCountry\":\"FR\",\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,"
                                + "\"reason\":\"The money went through a French payment institution two hours ago\"}");
                LAST_ANSWERS.put(id, "escalation " + answer.status() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
                if (answer.status() == 202) {
                    escalations.add(answer.json().get("escalationId").asString());
                    candidates.remove(id);
                }
                return;
            } catch (RuntimeException down) {
                LAST_ANSWERS.put(id, down.toString());
                return; // triage is being started again: the next round tries
            }
        }
    }

    private static String token(String user) {
        long now = System.nanoTime();
        return TOKENS.compute(user, (name, known) -> known != null && now - known.getKey() < TimeUnit.MINUTES.toNanos(1)
                ? known : Map.entry(now, RunningPlatform.tokenFor(name))).getValue();
    }

    private static Map<String, Long> receivedByFrance() {
        return FRANCE.findAll(postRequestedFor(urlEqualTo("/fr-ncb/requests"))).stream()
                .map(request -> Http.JSON.readTree(request.getBodyAsString()).get("requestId").asString())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** One report, sent until it is accepted; a stopped service's 502/503/504 is retried with the same key. */
    private record Filing(String body, String key, ScheduledExecutorService clients, Function<String, Void> accepted,
                          Runnable finished, List<String> unexpected, long deadline) implements Runnable {

        @Override
        public void run() {
            int status;
            String answerBody;
            try {
                Http.Answer answer = GATEWAY.post("/api/reports", token("reporter2.ma"), body, Map.of("Idempotency-Key", key));
                status = answer.status();
                answerBody = answer.body();
                if (status == 201) {
                    accepted.apply(answer.json().get("id").asString());
                    finished.run();
                    return;
                }
            } catch (RuntimeException connection) {
                status = -1;
                answerBody = connection.toString();
            }
            boolean retry = status == 502 || status == 503 || status == 504 || status == 429 || status == -1;
            if (retry && System.nanoTime() < deadline) {
                clients.schedule(this, 500, TimeUnit.MILLISECONDS);
            } else {
                unexpected.add(status + " " + answerBody);
                finished.run();
            }
        }
    }
}
