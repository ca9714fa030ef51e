package org.cyberreport.kit.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * How the file store holds documents and unique keys (BSON), and that a store written in the older
 * form (Java serialization, as the server's own H2 backend writes) still opens, through the real
 * driver over TCP.
 */
class StoredFormIT {

    @TempDir
    Path folder;

    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void keepsEveryKindOfValueAsItWasWrittenAcrossARestart() {
        Document written = everyKindOfValue("r1");
        open(backend()).getCollection("reports").insertOne(written);
        close();

        Document read = open(backend()).getCollection("reports").find(eq("_id", "r1")).first();

        assertThat(read).isEqualTo(written);
        assertThat(read.keySet()).containsExactlyElementsOf(written.keySet()); // the fields' order too
    }

    @Test
    void refusesASecondDocumentUnderAUniqueKeyAndFindsEachByItAfterARestart() {
        MongoCollection<Document> reports = open(backend()).getCollection("reports");
        reports.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
        for (int i = 0; i < 200; i++) {
            reports.insertOne(new Document("_id", "r" + i).append("reference", "MA-2026-%06d".formatted(i)));
        }
        close();

        reports = open(backend()).getCollection("reports");

        assertThat(reports.find(eq("reference", "MA-2026-000137")).first()).containsEntry("_id", "r137");
        assertThat(reports.find(eq("_id", "r199")).first()).containsEntry("reference", "MA-2026-000199");
        MongoCollection<Document> again = reports;
        assertThatThrownBy(() -> again.insertOne(new Document("_id", "other").append("reference", "MA-2026-000042")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> again.insertOne(new Document("_id", "r42")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        reports.deleteOne(eq("_id", "r42"));
        reports.insertOne(new Document("_id", "r42").append("reference", "MA-2026-000042"));
        assertThat(reports.countDocuments()).isEqualTo(200);
    }

    @Test
    void opensAStoreWrittenInTheOlderFormAndKeepsUsingIt() {
        List<Document> written = new ArrayList<>();
        MongoCollection<Document> older = open(new H2Backend(folder.resolve("test.mv").toString())).getCollection("reports");
        older.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
        for (int i = 0; i < 50; i++) {
            Document report = everyKindOfValue("r" + i).append("reference", "MA-2026-%06d".formatted(i));
            older.insertOne(report);
            written.add(report);
        }
        close();

        MongoCollection<Document> reports = open(backend()).getCollection("reports");

        assertThat(reports.find(eq("_id", "r7")).first()).isEqualTo(written.get(7));
        assertThat(reports.find(eq("reference", "MA-2026-000049")).first()).isEqualTo(written.get(49));
        assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r3")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        reports.insertOne(new Document("_id", "r50").append("reference", "MA-2026-000050"));
        close();

        MongoCollection<Document> reopened = open(backend()).getCollection("reports");
        assertThat(reopened.countDocuments()).isEqualTo(51);
        assertThat(reopened.find(eq("_id", "r50")).first()).containsEntry("reference", "MA-2026-000050");
        assertThat(reopened.find(eq("reference", "MA-2026-000011")).first()).isEqualTo(written.get(11));
    }

    @Test
    void buildsAgainAUniqueIndexThatLacksEntries() {
        MongoCollection<Document> reports = open(backend()).getCollection("reports");
        for (int i = 0; i < 30; i++) {
            reports.insertOne(new Document("_id", "r" + i));
        }
        close();
        // as a rebuild cut short by a crash would leave it: some documents have no entry
        try (MVStore store = MVStore.open(folder.resolve("test.mv").toString())) {
            String idIndex = store.getMapNames().stream().filter(name -> name.endsWith("reports._index__id_")).findFirst()
                    .orElseThrow();
            MVMap<KeyValue, Object> entries = store.openMap(idIndex, new MVMap.Builder<KeyValue, Object>()
                    .keyType(KeyValueType.INSTANCE));
            List<KeyValue> keys = new ArrayList<>(entries.keyList()).subList(0, 10);
            keys.forEach(entries::remove);
            store.commit();
        }

        MongoCollection<Document> reopened = open(backend()).getCollection("reports");

        assertThat(reopened.find(eq("_id", "r12")).first()).isNotNull(); // among the keys removed
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "r12")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    private static Document everyKindOfValue(String id) {
        return new Document("_id", id)
                .append("text", "Réclamation — احتيال")
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("decimal", Decimal128.parse("1250.10"))
                .append("yes", true)
                .append("nothing", null)
                .append("at", Date.from(Instant.parse("2026-11-30T12:34:56.789Z")))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("uuid", new Binary((byte) 4, new byte[16]))
                .append("nested", new Document("country", "MA").append("unit", "U1")
                        .append("deeper", new Document("list", List.of(1, "two", new Document("three", 3.0)))))
                .append("empty", List.of())
                .append("key", UUID.nameUUIDFromBytes(id.getBytes()).toString());
    }

    private MongoBackend backend() {
        return DurableH2Backend.open(folder.resolve("test.mv").toString(), new EmbeddedQueryStats());
    }

    private com.mongodb.client.MongoDatabase open(MongoBackend backend) {
        server = new MongoServer(backend);
        client = MongoClients.create(server.bindAndGetConnectionString());
        return client.getDatabase("test");
    }

    private void close() {
        if (client != null) {
            client.close();
            server.shutdownNow();
            client = null;
        }
    }
}
