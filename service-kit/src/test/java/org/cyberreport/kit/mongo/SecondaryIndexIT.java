package org.cyberreport.kit.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/** The embedded store's secondary indexes, through the real driver over TCP. */
class SecondaryIndexIT {

    @TempDir
    Path folder;

    private EmbeddedQueryStats stats;
    private MongoServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        close();
    }

    @Test
    void findsDocumentsByEqualityInAndRangeThroughTheIndex() {
        MongoCollection<Document> reports = open().getCollection("reports");
        reports.createIndex(Indexes.compoundIndex(Indexes.ascending("country", "unit"), Indexes.descending("receivedAt")));
        for (int i = 0; i < 50; i++) {
            reports.insertOne(report("r" + i, i % 2 == 0 ? "MA" : "FR", "U" + (i % 5), i));
        }

        assertThat(ids(reports.find(and(eq("country", "MA"), eq("unit", "U0"))))).containsExactlyInAnyOrder(
                "r0", "r10", "r20", "r30", "r40");
        assertThat(ids(reports.find(and(eq("country", "FR"), in("unit", "U1", "U3"),
                gte("receivedAt", at(20)), lt("receivedAt", at(40)))))).containsExactlyInAnyOrder(
                "r21", "r23", "r31", "r33");
        assertThat(reports.countDocuments(and(eq("country", "MA"), eq("unit", "U2")))).isEqualTo(5);
        assertThat(stats.drainUnindexed()).isEmpty();
        assertThat(stats.servedByIndex()).containsKey("test.reports country_1_unit_1_receivedAt_-1");
    }

    @Test
    void walksTheIndexInTheOrderAskedForAndStopsAtTheEndOfThePage() {
        MongoCollection<Document> reports = open().getCollection("reports");
        reports.createIndex(Indexes.compoundIndex(Indexes.ascending("country", "unit"),
                Indexes.descending("receivedAt", "_id")));
        for (int i = 0; i < 30; i++) {
            reports.insertOne(report("r" + (100 + i), "MA", "U1", i));
        }

        List<String> newest = ids(reports.find(and(eq("country", "MA"), eq("unit", "U1")))
                .sort(Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.descending("_id"))).skip(2).limit(3));
        List<String> oldest = ids(reports.find(and(eq("country", "MA"), eq("unit", "U1")))
                .sort(Sorts.orderBy(Sorts.ascending("receivedAt"), Sorts.ascending("_id"))).limit(2));

        assertThat(newest).containsExactly("r127", "r126", "r125");
        assertThat(oldest).containsExactly("r100", "r101");
        assertThat(stats.drainUnindexed()).isEmpty();
        assertThat(stats.sortedWalks()).isEqualTo(2);
    }

    @Test
    void followsInsertsUpdatesOfIndexedFieldsAndDeletes() {
        MongoCollection<Document> handoffs = open().getCollection("handoffs");
        handoffs.createIndex(Indexes.ascending("handoff.state", "handoff.nextAttemptAt"));
        handoffs.insertOne(new Document("_id", "h1").append("handoff", new Document("state", "PENDING").append("nextAttemptAt", date(1))));
        handoffs.insertOne(new Document("_id", "h2").append("handoff", new Document("state", "PENDING").append("nextAttemptAt", date(2))));

        handoffs.updateOne(eq("_id", "h1"), Updates.set("handoff.state", "DELIVERED"));
        handoffs.deleteOne(eq("_id", "h2"));
        handoffs.insertOne(new Document("_id", "h3").append("handoff", new Document("state", "PENDING").append("nextAttemptAt", date(3))));

        assertThat(ids(handoffs.find(eq("handoff.state", "PENDING")))).containsExactly("h3");
        assertThat(ids(handoffs.find(eq("handoff.state", "DELIVERED")))).containsExactly("h1");
        assertThat(handoffs.countDocuments(eq("handoff.state", "PENDING"))).isEqualTo(1);
        Document claimed = handoffs.findOneAndUpdate(and(eq("handoff.state", "PENDING"), lt("handoff.nextAttemptAt", date(10))),
                Updates.set("handoff.leaseOwner", "me"));
        assertThat(claimed).isNotNull();
        assertThat(claimed.getString("_id")).isEqualTo("h3");
        assertThat(stats.drainUnindexed()).isEmpty();
    }

    @Test
    void indexesArrayElementsMissingFieldsAndNulls() {
        MongoCollection<Document> indicators = open().getCollection("indicators");
        indicators.createIndex(Indexes.ascending("caseIds"));
        indicators.createIndex(Indexes.ascending("clusterId"));
        indicators.insertOne(new Document("_id", "a").append("caseIds", List.of("c1", "c2")).append("clusterId", "k1"));
        indicators.insertOne(new Document("_id", "b").append("caseIds", List.of("c2")).append("clusterId", null));
        indicators.insertOne(new Document("_id", "c").append("caseIds", List.of()));
        indicators.insertOne(new Document("_id", "d"));

        assertThat(ids(indicators.find(eq("caseIds", "c2")))).containsExactlyInAnyOrder("a", "b");
        assertThat(ids(indicators.find(in("caseIds", "c1", "c9")))).containsExactly("a");
        assertThat(ids(indicators.find(eq("clusterId", null)))).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(indicators.countDocuments(eq("clusterId", null))).isEqualTo(3);
        assertThat(ids(indicators.find(eq("caseIds", null)))).containsExactlyInAnyOrder("d");

        indicators.updateOne(eq("_id", "a"), Updates.pull("caseIds", "c2"));
        assertThat(ids(indicators.find(eq("caseIds", "c2")))).containsExactly("b");
        assertThat(stats.drainUnindexed()).isEmpty();
    }

    /**
     * A range with one end reads only values of that end's type (MongoDB's type bracketing): documents
     * without the field, or with a null, sort first in the index and are not read by "at most this date".
     */
    @Test
    void aRangeWithOneEndReadsOnlyValuesOfItsType() {
        MongoDatabase database = open();
        MongoCollection<Document> reports = database.getCollection("reports");
        MongoCollection<Document> unindexed = database.getCollection("unindexed");
        reports.createIndex(Indexes.ascending("pending.at"));
        reports.createIndex(Indexes.ascending("score"));
        reports.createIndex(Indexes.ascending("reference"));
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            documents.add(new Document("_id", "settled" + i).append("pending", i % 3 == 0 ? null : List.of()));
        }
        documents.add(new Document("_id", "p1").append("pending", List.of(new Document("at", at(1)))).append("score", 3)
                .append("reference", "MA-1"));
        documents.add(new Document("_id", "p2").append("pending", List.of(new Document("at", at(5)))).append("score", 7.5)
                .append("reference", "MA-5"));
        documents.add(new Document("_id", "p3").append("pending", List.of(new Document("at", at(9)))).append("score", -2L)
                .append("reference", "MA-9"));
        documents.add(new Document("_id", "text").append("pending", List.of(new Document("at", "2026-11-01")))
                .append("score", "high").append("reference", 4));
        documents.forEach(document -> {
            reports.insertOne(document);
            unindexed.insertOne(document);
        });
        long before = stats.candidatesRead();

        assertThat(ids(reports.find(lte("pending.at", at(5))))).containsExactlyInAnyOrder("p1", "p2");
        assertThat(ids(reports.find(gte("pending.at", at(5))))).containsExactlyInAnyOrder("p2", "p3");
        assertThat(ids(reports.find(lt("score", 5)))).containsExactlyInAnyOrder("p1", "p3");
        assertThat(ids(reports.find(lt("reference", "MA-6")))).containsExactlyInAnyOrder("p1", "p2");

        assertThat(stats.candidatesRead() - before).as("documents read through the indexes").isLessThanOrEqualTo(4 * 3);
        assertThat(stats.drainUnindexed()).isEmpty();
        // and the same answers as a scan gives
        for (var filter : List.of(lte("pending.at", at(5)), gte("pending.at", at(5)), lt("score", 5), lt("reference", "MA-6"))) {
            assertThat(ids(reports.find(filter))).as(filter.toString())
                    .containsExactlyInAnyOrderElementsOf(ids(unindexed.find(filter)));
        }
    }

    @Test
    void refusesParallelArraysInACompoundIndexAsMongoDbDoes() {
        MongoCollection<Document> things = open().getCollection("things");
        things.createIndex(Indexes.ascending("a", "b"));

        assertThatThrownBy(() -> things.insertOne(new Document("_id", 1).append("a", List.of(1, 2)).append("b", List.of(3, 4))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("parallel arrays");
        assertThat(things.countDocuments()).isZero();
    }

    @Test
    void survivesARestartAndIsBuiltWhenAbsent() {
        MongoCollection<Document> cases = open().getCollection("cases");
        for (int i = 0; i < 20; i++) {
            cases.insertOne(new Document("_id", "c" + i).append("clusterId", "k" + (i % 4)));
        }
        // created after the documents: built from them
        cases.createIndex(Indexes.ascending("clusterId"));
        assertThat(ids(cases.find(eq("clusterId", "k1")))).hasSize(5);
        close();

        cases = open().getCollection("cases");
        cases.insertOne(new Document("_id", "c20").append("clusterId", "k1"));
        cases.updateOne(eq("_id", "c1"), Updates.set("clusterId", "k3"));

        assertThat(ids(cases.find(eq("clusterId", "k1")))).containsExactlyInAnyOrder("c5", "c9", "c13", "c17", "c20");
        assertThat(ids(cases.find(eq("clusterId", "k3")))).contains("c1").hasSize(6);
        assertThat(cases.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name"))
                .contains("clusterId_1");
        assertThat(stats.drainUnindexed()).isEmpty();
    }

    @Test
    void notesTheShapeOfAQueryThatNoIndexServes() {
        MongoCollection<Document> cases = open().getCollection("cases");
        cases.createIndex(Indexes.ascending("clusterId"));
        cases.insertOne(new Document("_id", "c1").append("clusterId", "k1").append("status", "OPEN"));

        assertThat(ids(cases.find(eq("status", "OPEN")))).containsExactly("c1");

        assertThat(stats.drainUnindexed()).containsExactly("test.cases {status: ?}");
    }

    @Test
    void aUniqueIndexStillRefusesDuplicates() {
        MongoCollection<Document> reports = open().getCollection("reports");
        reports.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
        reports.createIndex(Indexes.ascending("unit"));
        reports.insertOne(new Document("_id", "r1").append("reference", "CC-1").append("unit", "U1"));

        assertThatThrownBy(() -> reports.insertOne(new Document("_id", "r2").append("reference", "CC-1").append("unit", "U1")))
                .isInstanceOf(MongoWriteException.class);
        assertThat(ids(reports.find(eq("unit", "U1")))).containsExactly("r1");
    }

    private com.mongodb.client.MongoDatabase open() {
        stats = new EmbeddedQueryStats();
        server = new MongoServer(DurableH2Backend.open(folder.resolve("test.mv").toString(), stats));
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

    private static Document report(String id, String country, String unit, int minutes) {
        return new Document("_id", id).append("country", country).append("unit", unit).append("receivedAt", at(minutes));
    }

    private static Date at(int minutes) {
        return Date.from(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * minutes));
    }

    private static Date date(int minutes) {
        return at(minutes);
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(String.valueOf(document.get("_id"))));
        return ids;
    }

}
