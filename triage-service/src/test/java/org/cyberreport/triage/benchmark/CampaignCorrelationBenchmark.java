package org.cyberreport.triage.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bson.Document;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.correlation.ClusterStore;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.management.OperatingSystemMXBean;

/**
 * A benchmark, not a test (run on purpose: {@code ./platform benchmark}). A scam campaign: reports
 * that share one wallet join its cluster. Two clusters are preloaded through the driver, one of 10
 * cases and one of 2,000, each around its own wallet; then reports are delivered through real HTTP,
 * alternating between the two, and the process CPU time of each delivery is charged to its cluster.
 * Joining the large cluster should cost what joining the small one does: the ratio should stay near 1
 * (the target is at most 1.2).
 */
class CampaignCorrelationBenchmark extends TriageIT {

    private static final int WARM_UP = 30;
    private static final int MEASURED = 100;

    @Autowired
    Scoring scoring;

    @Autowired
    ClusterStore clusters;

    @Test
    void aReportJoiningAClusterOfTwoThousandCostsWhatJoiningOneOfTenDoes() throws Exception {
        String small = wallet(10);
        String large = wallet(2_000);
        preload("small", small, 10);
        preload("large", large, 2_000);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long[] cpu = new long[2];
        long[] wall = new long[2];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            for (int side = 0; side < 2; side++) {
                String name = side == 0 ? "small" : "large";
                ReportHandoff report = Fixtures.aHandoff(name + "-new-" + i, 1, "MA", cryptoTo(side == 0 ? small : large));
                long cpuBefore = os.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                assertThat(deliver(report).status()).isBetween(200, 299);
                if (i >= WARM_UP) {
                    cpu[side] += os.getProcessCpuTime() - cpuBefore;
                    wall[side] += System.nanoTime() - wallBefore;
                }
            }
        }
        String smallCluster = clusterOf("small-new-0");
        String largeCluster = clusterOf("large-new-0");
        assertThat(clusters.find(smallCluster).orElseThrow().cases()).isEqualTo(10 + WARM_UP + MEASURED);
        assertThat(clusters.find(largeCluster).orElseThrow().cases()).isEqualTo(2_000 + WARM_UP + MEASURED);

        // One report whose loss takes the large cluster over the next loss tier: every member is re-scored,
        // asynchronously, from the marker; the time until the marker is gone is how long the queue lags.
        long crossing = System.nanoTime();
        long crossingCpu = os.getProcessCpuTime();
        assertThat(deliver(Fixtures.aHandoff("large-crossing", 1, "MA", cryptoTo(large, "1000000"))).status())
                .isBetween(200, 299);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> mongo.getCollection("cluster_rescores").countDocuments() == 0);
        double crossingSeconds = (System.nanoTime() - crossing) / 1e9;
        double crossingCpuSeconds = (os.getProcessCpuTime() - crossingCpu) / 1e9;
        int rescored = (int) mongo.getCollection("cases").countDocuments(new Document("clusterId", largeCluster)
                .append("cluster.cases", new Document("$gte", 2_000 + WARM_UP + MEASURED)));

        double smallCpu = cpu[0] / 1e6 / MEASURED;
        double largeCpu = cpu[1] / 1e6 / MEASURED;
        String report = """
                Campaign correlation: a report joining a cluster that shares its wallet (one run, alternating,
                %d warm-up and %d measured reports per cluster, delivered through HTTP; process CPU)
                  cluster of 10:     %.2f ms CPU per report, %.2f ms wall
                  cluster of 2,000:  %.2f ms CPU per report, %.2f ms wall
                  ratio 2,000 / 10:  %.2f (target at most 1.2)
                A report taking the cluster of %d over the next loss tier: its %d other members re-scored
                  asynchronously %.1f s after the report was delivered, %.1f s of process CPU (target: the
                  queue within 5 s); machine load average at the end: %.1f on %d cores
                """.formatted(WARM_UP, MEASURED, smallCpu, wall[0] / 1e6 / MEASURED, largeCpu,
                wall[1] / 1e6 / MEASURED, largeCpu / smallCpu, 2_001 + WARM_UP + MEASURED, rescored - 1,
                crossingSeconds, crossingCpuSeconds, os.getSystemLoadAverage(), os.getAvailableProcessors());
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "campaign-correlation.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * A cluster of {@code size} cases around one wallet, as correlation leaves it: the cases in it, the
     * wallet's indicator naming it with its count, one membership document per case, the figures.
     */
    private void preload(String name, String wallet, int size) {
        String key = Fixtures.INDICATORS.of(cryptoTo(wallet)).keys().iterator().next();
        String clusterId = "cluster-bench-" + name;
        ClusterFacts figures = null;
        BigDecimal loss = BigDecimal.ZERO;
        List<TriageCase> batch = new ArrayList<>();
        List<Document> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ReportHandoff handoff = Fixtures.aHandoff(name + "-" + i, 1, "MA", cryptoTo(wallet));
            TriageCase triageCase = TriageCase.open(handoff, "{}", Fixtures.INDICATORS.of(handoff.content()).keys(), scoring.now());
            loss = loss.add(scoring.alone(triageCase).totalLoss());
            figures = new ClusterFacts(i + 1, loss, i + 1);
            triageCase.inCluster(clusterId, figures);
            scoring.rescore(triageCase);
            triageCase.stored();
            batch.add(triageCase);
            members.add(new Document("_id", key + "|" + triageCase.id()).append("key", key)
                    .append("caseId", triageCase.id()).append("at", Date.from(Instant.now())));
        }
        mongo.insert(batch, "cases");
        mongo.getCollection("indicator_cases").insertMany(members);
        mongo.getCollection("indicators").insertOne(new Document("_id", key).append("count", size)
                .append("clusterId", clusterId));
        mongo.getCollection("clusters").insertOne(new Document("_id", clusterId).append("cases", size)
                .append("lossCents", figures.totalLoss().movePointRight(2).longValueExact()).append("victims", size));
    }

    private String clusterOf(String caseId) {
        return mongo.findById(caseId, Document.class, "cases").getString("clusterId");
    }

    private static String wallet(int seed) {
        return "0x" + HexFormat.of().formatHex(new byte[20]).substring(8) + "%08x".formatted(seed);
    }

    private static ReportFacts cryptoTo(String wallet) {
        return cryptoTo(wallet, "100");
    }

    private static ReportFacts cryptoTo(String wallet, String usdt) {
        return new ReportFacts("CRYPTO", "MA", Fixtures.NOW.minus(Duration.ofDays(30)), Fixtures.NOW,
                List.of(Fixtures.anAdult()), List.of(), List.of(), null, null, null, null,
                new ReportFacts.Crypto("PIG_BUTCHERING", List.of(new ReportFacts.Transfer("ETHEREUM", "USDT",
                        new BigDecimal(usdt), wallet, Fixtures.NOW.minus(Duration.ofDays(20))))), null);
    }
}
