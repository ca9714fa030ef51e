package org.cyberreport.triage.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.management.OperatingSystemMXBean;

import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.CaseworkIT;
import org.cyberreport.triage.report.ReportFacts;
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

/**
 * What notices add to the cost of filing, in triage (intake writes nothing for them): rounds of
 * reports delivered through HTTP, alternately with notices and without, in one process, with an
 * officer's stream open and a real SMTP server receiving the mail. Each round's process CPU includes
 * what follows the deliveries (the sweep, the mail a few hundred milliseconds later); an idle round of
 * the same length is measured beside them, and taken off both, so that the ratio compares the work of
 * filing alone. Not a test: run by {@code ./platform benchmark}; the figures go to
 * {@code target/benchmarks/notice-cost.txt}.
 */
class NoticeCostBenchmark extends TriageIT {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 25;
    private static final Duration SETTLE = Duration.ofMillis(2_500);

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.notify.mail.host", () -> "127.0.0.1");
        registry.add("cyberreport.notify.mail.port", () -> SMTP_PORT);
        registry.add("cyberreport.triage.notices.first-check", () -> "PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    CaseNotices notices;

    @Autowired
    NoticeWatch watch;

    @Test
    void noticesAddLittleToTheCostOfFiling() throws Exception {
        String officer = TestTokens.triageOfficer("MA");
        String unit = TestTokens.reporter("MA", "MA-UNIT");
        for (String token : List.of(officer, unit)) {
            assertThat(http.get("/api/triage/notifications", token).status()).isEqualTo(200);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (NotificationsIT.Events stream = NotificationsIT.Events.open(port, officer)) {
            long[] cpu = new long[3];
            int serial = 0;
            for (int round = -1; round < ROUNDS; round++) { // round -1 warms up both sides
                for (int side = 0; side < 3; side++) {
                    boolean on = side == 0;
                    notices.pause(!on);
                    long before = os.getProcessCpuTime();
                    if (side < 2) {
                        for (int i = 0; i < PER_ROUND; i++) {
                            ReportFacts facts = i % 5 == 0 ? CaseworkIT.goldenHourFraud() : Fixtures.aPlainFraud();
                            Instant now = Instant.now();
                            assertThat(deliver(new ReportHandoff("cost-" + serial, "MA-2026-C" + serial++, 1, "FILED", "MA",
                                    "MA-UNIT", "reporter", now, now, facts)).status()).isBetween(200, 299);
                        }
                    }
                    if (on) {
                        watch.sweep();
                        watch.dueTimes();
                    } else {
                        // what the sweep would read of a round without notices is not the next round's to pay
                        mongo.upsert(new Query(Criteria.where("_id").is("changes")),
                                new Update().set("until", Date.from(Instant.now())), "notice_watermarks");
                    }
                    Thread.sleep(SETTLE);
                    if (round >= 0) {
                        cpu[side] += os.getProcessCpuTime() - before;
                    }
                }
            }
            notices.pause(false);
            double reports = (double) ROUNDS * PER_ROUND;
            double with = cpu[0] / 1e6 / reports;
            double without = cpu[1] / 1e6 / reports;
            double idle = cpu[2] / 1e6 / reports;
            String report = """
                    Notices and the cost of filing (triage; %d rounds of %d reports each way, alternating, one process;
                    an officer's stream open, mail to a real SMTP server; every fifth report a golden-hour P1)
                      with notices:     %.2f ms of process CPU per report (round and what followed it, %.1f s)
                      without notices:  %.2f ms
                      idle round:       %.2f ms per report's share (the same %.1f s with nothing filed)
                      ratio, idle taken off both: %.3f (target at most 1.10); as measured: %.3f
                      messages received by the SMTP server: %d; machine load average at the end: %.1f on %d cores
                    """.formatted(ROUNDS, PER_ROUND, with, SETTLE.toMillis() / 1000.0, without, idle,
                    SETTLE.toMillis() / 1000.0, (with - idle) / (without - idle), with / without,
                    SMTP.getReceivedMessages().length, os.getSystemLoadAverage(), os.getAvailableProcessors());
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "notice-cost.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(stream).isNotNull();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
