package org.cyberreport.triage.casestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;

/**
 * What sending each case's state to intake adds to triage's cost of filing: rounds of reports delivered
 * through HTTP, alternately with the copies (the passes that read the changed cases and put a page of
 * copies on intake's endpoint, here the JDK's own small HTTP server, so that triage's side is measured
 * and not a stand-in's) and
 * without, in one process; an idle round of the same length is measured beside them and taken off both.
 * Not a test: run by {@code ./platform benchmark}; the figures go to
 * {@code target/benchmarks/case-state-cost.txt}.
 */
@TestPropertySource(properties = {"cyberreport.relay.case-state-check=PT1H", "cyberreport.service-client.client-secret=bench",
        "cyberreport.relay.case-states.sweep-lag=0s"})
class CaseStateCostBenchmark extends TriageIT {

    private static final HttpServer INTAKE = standIn();
    private static final AtomicInteger PUT = new AtomicInteger();
    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 25;
    private static final Duration SETTLE = Duration.ofMillis(1_500);

    /** Intake's endpoint and a token endpoint, answering at once. */
    private static HttpServer standIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/token", exchange -> {
                drain(exchange.getRequestBody());
                byte[] token = "{\"access_token\":\"triage-token\",\"expires_in\":3000}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
                exchange.close();
            });
            server.createContext("/internal/case-states", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                PUT.addAndGet(body.split("\"reportId\"", -1).length - 1);
                byte[] taken = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, taken.length);
                exchange.getResponseBody().write(taken);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(InputStream body) throws IOException {
        body.readAllBytes();
    }

    @DynamicPropertySource
    static void intake(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + INTAKE.getAddress().getPort();
        registry.add("cyberreport.relay.case-states.intake-url", () -> base);
        registry.add("cyberreport.service-client.token-uri", () -> base + "/token");
    }

    @AfterAll
    static void stopIntake() {
        INTAKE.stop(0);
    }

    @Autowired
    CaseStateCopies copies;


    @Test
    void copyingTheCasesStateAddsLittleToTheCostOfFiling() throws Exception {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[3];
        int serial = 0;
        int copied = 0;
        long passCpu = 0;
        for (int round = -1; round < ROUNDS; round++) { // round -1 warms up both sides
            for (int side = 0; side < 3; side++) {
                boolean on = side == 0;
                long before = os.getProcessCpuTime();
                if (side < 2) {
                    for (int i = 0; i < PER_ROUND; i++) {
                        Instant now = Instant.now();
                        assertThat(deliver(new ReportHandoff("state-" + serial, "MA-2026-S" + serial++, 1, "FILED", "MA",
                                "MA-UNIT", "reporter", now, now, Fixtures.aPlainFraud())).status()).isBetween(200, 299);
                    }
                }
                if (on) {
                    long passStart = os.getProcessCpuTime();
                    copied += copies.pass();
                    if (round >= 0) {
                        passCpu += os.getProcessCpuTime() - passStart;
                    }
                } else {
                    // what the pass would read of a round without copies is not the next round's to pay
                    mongo.upsert(new Query(Criteria.where("_id").is("case_states")),
                            new Update().set("until", Date.from(Instant.now())), "case_state_watermarks");
                }
                Thread.sleep(SETTLE);
                if (round >= 0) {
                    cpu[side] += os.getProcessCpuTime() - before;
                }
            }
        }
        int delivered = PUT.get();
        double reports = (double) ROUNDS * PER_ROUND;
        double with = cpu[0] / 1e6 / reports;
        double without = cpu[1] / 1e6 / reports;
        double idle = cpu[2] / 1e6 / reports;
        String report = """
                The filing unit's view of its case and the cost of filing (triage; %d rounds of %d reports each way,
                alternating, one process; the copies put on a stand-in for intake's endpoint, the JDK's HTTP server)
                  with the copies:     %.2f ms of process CPU per report (round and what followed it)
                  without the copies:  %.2f ms
                  idle round:          %.2f ms per report's share
                  ratio, idle taken off both: %.3f; as measured: %.3f
                  of which the passes that read the changed cases and send the changed copies: %.2f ms per report
                  copies sent: %d, received by the stand-in: %d; machine load average at the end: %.1f on %d cores
                """.formatted(ROUNDS, PER_ROUND, with, without, idle, (with - idle) / (without - idle), with / without,
                passCpu / 1e6 / reports, copied, delivered, os.getSystemLoadAverage(), os.getAvailableProcessors());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "case-state-cost.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(delivered).isGreaterThanOrEqualTo(copied);
    }
}
