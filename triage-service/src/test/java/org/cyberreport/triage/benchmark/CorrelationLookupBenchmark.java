package org.cyberreport.triage.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.cyberreport.kit.mongo.EmbeddedQueryStats;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;

/**
 * A benchmark, not a test (run on purpose: {@code ./platform benchmark}). It measures a correlation
 * lookup (the cases of one indicator, by its key in the membership index) with 1,000 and with 100,000 indicators stored, on
 * the platform's default store (the embedded server, file-backed, over TCP with the real driver),
 * alternating the two in one run so that both see the same machine. A lookup by key should cost the
 * same whatever the number stored: the ratio should stay near 1.
 */
class CorrelationLookupBenchmark {

    private static final int ROUNDS = 20;
    private static final int LOOKUPS_PER_ROUND = 200;
    private static final int SCANS_PER_ROUND = 5;

    @TempDir
    Path dataDir;

    @Test
    void lookupTimeWithAThousandAndAHundredThousandIndicators() throws Exception {
        MongoServer server = new MongoServer(embeddedStore(dataDir.resolve("bench.mv").toString()));
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            IndicatorStore small = store(client, "small", 1_000);
            IndicatorStore large = store(client, "large", 100_000);
            Random random = new Random(7);

            long[] smallNanos = new long[ROUNDS];
            long[] largeNanos = new long[ROUNDS];
            for (int round = 0; round < ROUNDS + 5; round++) {
                long s = time(small, 1_000, random);
                long l = time(large, 100_000, random);
                if (round >= 5) { // the first rounds warm the JIT and the store
                    smallNanos[round - 5] = s;
                    largeNanos[round - 5] = l;
                }
            }
            double smallMicros = median(smallNanos) / 1_000.0 / LOOKUPS_PER_ROUND;
            double largeMicros = median(largeNanos) / 1_000.0 / LOOKUPS_PER_ROUND;
            // For comparison, what a scan would cost: the same question asked of a field without an index.
            long[] smallScan = new long[5];
            long[] largeScan = new long[5];
            for (int round = 0; round < 6; round++) {
                long s = scan(client, "small", 1_000, random);
                long l = scan(client, "large", 100_000, random);
                if (round >= 1) {
                    smallScan[round - 1] = s;
                    largeScan[round - 1] = l;
                }
            }
            double smallScanMicros = median(smallScan) / 1_000.0 / SCANS_PER_ROUND;
            double largeScanMicros = median(largeScan) / 1_000.0 / SCANS_PER_ROUND;
            String report = """
                    Correlation lookup by key (median of %d rounds of %d lookups, alternating, one run)
                      1,000 indicators stored:   %.1f µs per lookup
                      100,000 indicators stored: %.1f µs per lookup
                      ratio 100,000 / 1,000:     %.2f
                    For comparison, the same question answered by a scan (median of 5 rounds of %d):
                      1,000 indicators stored:   %.1f µs per lookup
                      100,000 indicators stored: %.1f µs per lookup
                      ratio 100,000 / 1,000:     %.2f
                    """.formatted(ROUNDS, LOOKUPS_PER_ROUND, smallMicros, largeMicros, largeMicros / smallMicros,
                    SCANS_PER_ROUND, smallScanMicros, largeScanMicros, largeScanMicros / smallScanMicros);
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "correlation-lookup.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            server.shutdownNow();
        }
    }

    private static IndicatorStore store(MongoClient client, String database, int count) throws Exception {
        // The store declares its indexes first, as in the service, so the loading keeps them in step.
        var constructor = IndicatorStore.class.getDeclaredConstructor(MongoTemplate.class);
        constructor.setAccessible(true);
        IndicatorStore store = constructor.newInstance(new MongoTemplate(client, database));
        MongoCollection<Document> indicators = client.getDatabase(database).getCollection("indicators");
        MongoCollection<Document> members = client.getDatabase(database).getCollection("indicator_cases");
        List<Document> batch = new ArrayList<>();
        List<Document> memberBatch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // caseIds is not read by the service: it is the unindexed field the scan below asks about.
            batch.add(new Document("_id", key(i)).append("count", 1).append("caseIds", List.of("case-" + i)));
            memberBatch.add(new Document("_id", key(i) + "|case-" + i).append("key", key(i)).append("caseId", "case-" + i));
            if (batch.size() == 1_000) {
                indicators.insertMany(batch);
                members.insertMany(memberBatch);
                batch.clear();
                memberBatch.clear();
            }
        }
        assertThat(store.casesWith(key(count - 1))).containsExactly("case-" + (count - 1));
        return store;
    }

    /**
     * The platform's own embedded store (the kit's file-backed backend with real secondary indexes),
     * opened as the kit's auto-configuration opens it; the kit keeps the class to itself.
     */
    private static MongoBackend embeddedStore(String file) throws Exception {
        Class<?> backend = Class.forName("org.cyberreport.kit.mongo.DurableH2Backend");
        var open = backend.getDeclaredMethod("open", String.class, EmbeddedQueryStats.class);
        open.setAccessible(true);
        return (MongoBackend) open.invoke(null, file, new EmbeddedQueryStats());
    }

    private static long time(IndicatorStore store, int count, Random random) {
        long start = System.nanoTime();
        for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
            if (store.casesWith(key(random.nextInt(count))).isEmpty()) {
                throw new IllegalStateException("a stored indicator was not found");
            }
        }
        return System.nanoTime() - start;
    }

    private static long scan(MongoClient client, String database, int count, Random random) {
        MongoCollection<Document> indicators = client.getDatabase(database).getCollection("indicators");
        long start = System.nanoTime();
        for (int i = 0; i < SCANS_PER_ROUND; i++) {
            if (indicators.find(new Document("caseIds", "case-" + random.nextInt(count))).first() == null) {
                throw new IllegalStateException("a stored indicator was not found");
            }
        }
        return System.nanoTime() - start;
    }

    private static String key(int i) {
        return "iban:DE%020d".formatted(i);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
