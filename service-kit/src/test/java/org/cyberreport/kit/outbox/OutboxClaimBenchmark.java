package org.cyberreport.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.cyberreport.kit.mongo.EmbeddedStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What a claim and its delivery mark cost with no delivered hand-offs stored, and with 100,000: one
 * file store each, through the driver over TCP, measured alternately in one run (process CPU and wall
 * time per hand-off). Not a test: {@code ./platform benchmark}.
 */
class OutboxClaimBenchmark {

    private static final int STORED = Integer.getInteger("claim.stored", 100_000);
    private static final int ROUNDS = 6;
    private static final int PER_ROUND = 500;

    @TempDir
    Path folder;

    @Test
    void aClaimCostsTheSameWithAYearOfDeliveredHandOffsStored() throws Exception {
        try (Store empty = new Store(folder.resolve("empty.mv")); Store full = new Store(folder.resolve("full.mv"))) {
            full.fillDelivered(STORED);
            long[] cpu = new long[2];
            long[] wall = new long[2];
            empty.run(PER_ROUND); // warm-up
            full.run(PER_ROUND);
            for (int round = 0; round < ROUNDS; round++) {
                for (int which = 0; which < 2; which++) {
                    Store store = which == 0 ? empty : full;
                    long cpuBefore = processCpu();
                    long wallBefore = System.nanoTime();
                    store.run(PER_ROUND);
                    cpu[which] += processCpu() - cpuBefore;
                    wall[which] += System.nanoTime() - wallBefore;
                }
            }
            int measured = ROUNDS * PER_ROUND;
            double emptyCpu = cpu[0] / 1e6 / measured;
            double fullCpu = cpu[1] / 1e6 / measured;
            String report = String.format(Locale.ROOT, """
                    Outbox claim: store a pending hand-off, claim it, mark it delivered (file store, driver over TCP;
                    %d rounds of %d, alternating; process CPU and wall time per hand-off)
                      none delivered stored:     %.3f ms CPU, %.3f ms wall
                      %,d delivered stored: %.3f ms CPU, %.3f ms wall
                      ratio: %.2f CPU, %.2f wall (target: the same)
                    """, ROUNDS, PER_ROUND, emptyCpu, wall[0] / 1e6 / measured, STORED, fullCpu,
                    wall[1] / 1e6 / measured, fullCpu / emptyCpu, (double) wall[1] / wall[0]);
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "outbox-claim.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(full.delivered()).isEqualTo(STORED + (ROUNDS + 1L) * PER_ROUND);
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** One file store with its own server, client and relay. */
    private static final class Store implements AutoCloseable {

        private final MongoServer server;
        private final MongoClient client;
        private final MongoTemplate template;
        private final OutboxRelay relay;
        private long next;

        Store(Path file) {
            server = EmbeddedStores.fileServer(file);
            client = MongoClients.create(server.bindAndGetConnectionString());
            template = new MongoTemplate(client, "outbox");
            relay = new OutboxRelay(template, new OutboxSettings("benchmark", "items", "handoff", Duration.ofSeconds(30),
                    3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofHours(1), 10, 1),
                    claimed -> { }, Clock.systemUTC(), new SimpleMeterRegistry());
        }

        void fillDelivered(int count) {
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(item("stored-" + i, "DELIVERED"));
                if (batch.size() == 2_000) {
                    template.getCollection("items").insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                template.getCollection("items").insertMany(batch);
            }
        }

        void run(int handoffs) {
            for (int i = 0; i < handoffs; i++) {
                template.getCollection("items").insertOne(item("new-" + next++, "PENDING"));
                assertThat(relay.drain()).isEqualTo(1);
            }
        }

        long delivered() {
            return template.getCollection("items").countDocuments(new Document("handoff.state", "DELIVERED"));
        }

        private static Document item(String id, String state) {
            Date now = new Date();
            return new Document("_id", id).append("report", new Document("country", "MA").append("unit", "U1")
                            .append("narrative", "A report whose hand-off is in the outbox, " + id))
                    .append("handoff", new Document("version", 1L).append("state", state).append("attempts", 0)
                            .append("queuedAt", now).append("nextAttemptAt", now));
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
