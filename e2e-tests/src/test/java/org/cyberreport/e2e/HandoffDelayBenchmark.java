package org.cyberreport.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (run on purpose: {@code ./platform benchmark}). Files reports through the
 * gateway at a steady rate on the whole platform (real Keycloak, separate processes) and measures,
 * for each, the delay from its 201 to its case being visible to the country's triage officer. Each
 * pending case is looked for every 50 ms, which bounds the resolution.
 */
class HandoffDelayBenchmark {

    private static final int RATE_PER_SECOND = 10;
    private static final int SECONDS = 20;
    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);

    @BeforeAll
    static void start() throws Exception {
        RunningPlatform.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RunningPlatform.stop();
    }

    @Test
    void delayFromFilingToTheQueue() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String triage = RunningPlatform.tokenFor("triage.ma");
        Map<String, Long> filedAt = new ConcurrentHashMap<>();
        List<Long> delays = new ArrayList<>();
        AtomicInteger serial = new AtomicInteger(50_000);
        int total = RATE_PER_SECOND * SECONDS;
        ScheduledExecutorService filer = Executors.newSingleThreadScheduledExecutor();
        filer.scheduleAtFixedRate(() -> {
            if (serial.get() >= 50_000 + total) {
                return;
            }
            Http.Answer answer = GATEWAY.post("/api/reports", reporter,
                    Reports.onlineFraud(Reports.Kind.SMALL, serial.incrementAndGet()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (answer.status() == 201) {
                filedAt.put(answer.json().get("id").asString(), System.nanoTime());
            }
        }, 0, 1_000 / RATE_PER_SECOND, TimeUnit.MILLISECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS + 60);
        while (delays.size() < total && System.nanoTime() < deadline) {
            for (Map.Entry<String, Long> pending : List.copyOf(filedAt.entrySet())) {
                if (GATEWAY.get("/api/triage/cases/" + pending.getKey(), triage).status() == 200) {
                    delays.add(System.nanoTime() - pending.getValue());
                    filedAt.remove(pending.getKey());
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        filer.shutdownNow();

        List<Long> sorted = delays.stream().sorted().toList();
        String report = """
                Hand-off delay, 201 from intake to visible in triage's queue (through the gateway)
                  %d reports at %d per second; %d visible within the time allowed
                  p50: %d ms   p99: %d ms   max: %d ms
                """.formatted(total, RATE_PER_SECOND, sorted.size(), millis(sorted, 0.50), millis(sorted, 0.99),
                millis(sorted, 1.0));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "handoff-delay.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, index)));
    }
}
