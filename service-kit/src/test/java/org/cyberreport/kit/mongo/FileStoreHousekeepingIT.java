package org.cyberreport.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The file store without the MVStore's background writer: commits run in the committing threads (also
 * many at once), the housekeeping rewrites chunks whose data is mostly dead, and nothing is lost across
 * a restart.
 */
class FileStoreHousekeepingIT {

    @TempDir
    Path folder;

    @Test
    void concurrentWritersCommitInTheirOwnThreadsAndHousekeepingRewritesMostlyDeadChunks() throws Exception {
        Path file = folder.resolve("store.mv");
        DurableH2Backend backend = DurableH2Backend.open(file.toString(), 16, new EmbeddedQueryStats());
        assertThat(backend.store().getFileStore().getAutoCommitDelay()).as("no background writer").isZero();
        MongoServer server = new MongoServer(backend);
        String padding = "x".repeat(1_000);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
                List<Future<?>> done = new ArrayList<>();
                for (int writer = 0; writer < 8; writer++) {
                    int first = writer * 1_500;
                    done.add(writers.submit(() -> {
                        for (int i = first; i < first + 1_500; i++) {
                            documents.insertOne(new Document("_id", i).append("keep", i % 10 == 0).append("padding", padding));
                        }
                    }));
                }
                for (Future<?> writer : done) {
                    writer.get();
                }
            }
            documents.deleteMany(Filters.eq("keep", false));
            int before = backend.store().getFileStore().getChunksFillRate();
            // Chunks younger than the retention time (45 s) are left alone; the test does not wait that long.
            backend.store().setRetentionTime(0);

            int rounds = 0;
            while (backend.rewriteMostlyDeadChunks() && rounds < 200) {
                rounds++;
            }

            // The emptied chunks are dropped by the commits after the last few versions that may still read them.
            for (int i = 0; i < 10; i++) {
                documents.updateOne(Filters.eq("_id", 0), new Document("$set", new Document("touched", i)));
            }

            assertThat(before).as("most of the data is dead before").isLessThan(DurableH2Backend.TARGET_FILL_RATE);
            assertThat(rounds).as("housekeeping rewrote chunks").isPositive();
            assertThat(backend.store().getFileStore().getChunksFillRate()).as("and left the chunks fuller than before")
                    .isGreaterThan(before + 10);
            assertThat(documents.countDocuments()).isEqualTo(1_200);
        } finally {
            server.shutdownNow();
        }

        MongoServer reopened = new MongoServer(DurableH2Backend.open(file.toString(), 16, new EmbeddedQueryStats()));
        try (MongoClient client = MongoClients.create(reopened.bindAndGetConnectionString())) {
            MongoCollection<Document> documents = client.getDatabase("test").getCollection("documents");
            assertThat(documents.countDocuments()).as("every commit was written").isEqualTo(1_200);
            assertThat(documents.find(Filters.eq("_id", 11_990)).first()).isNotNull();
            assertThat(documents.countDocuments(Filters.eq("keep", false))).isZero();
        } finally {
            reopened.shutdownNow();
        }
    }
}
