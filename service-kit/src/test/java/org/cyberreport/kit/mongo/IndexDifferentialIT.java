package org.cyberreport.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A differential property test: random documents, changes and queries (the operators the services
 * use, with nulls, missing fields, arrays and dotted paths) against one collection with secondary
 * indexes and one without, in the same embedded server. Every query must give the same documents, in
 * the same order when the order is total, and the same count. Seeded, so a failure repeats.
 */
class IndexDifferentialIT {

    private static final int DOCUMENTS = 400;
    private static final int ROUNDS = 600;
    private static final List<String> COUNTRIES = List.of("MA", "FR", "ES");
    private static final List<String> STATES = List.of("PENDING", "DELIVERED", "PARKED");

    private EmbeddedQueryStats stats;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> plain;
    private Random random;

    @BeforeEach
    void start() {
        stats = new EmbeddedQueryStats();
        server = new MongoServer(DurableH2Backend.open(null, stats));
        client = MongoClients.create(server.bindAndGetConnectionString());
        indexed = client.getDatabase("test").getCollection("indexed");
        plain = client.getDatabase("test").getCollection("plain");
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("country", "unit"), Indexes.descending("at", "_id")));
        indexed.createIndex(Indexes.ascending("state", "n"));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("h.state"), Indexes.descending("h.due")));
        indexed.createIndex(Indexes.ascending("items.k"));
        indexed.createIndex(Indexes.ascending("at"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 20261130L, 424242L})
    void anIndexedCollectionAnswersEveryQueryAsAScanDoes(long seed) {
        random = new Random(seed);
        for (int i = 0; i < DOCUMENTS; i++) {
            insertBoth(document("d" + i));
        }
        for (int round = 0; round < ROUNDS; round++) {
            change(round);
            Document query = query();
            Document sort = sort();
            int skip = sort == null ? 0 : random.nextInt(4);
            int limit = sort == null ? 0 : random.nextInt(12);
            String context = "seed " + seed + ", round " + round + ", query " + query.toJson() + ", sort " + sort;

            List<Object> expected = ids(find(plain, query, sort, skip, limit));
            List<Object> actual = ids(find(indexed, query, sort, skip, limit));
            if (sort == null) {
                assertThat(actual).as(context).containsExactlyInAnyOrderElementsOf(expected);
            } else {
                assertThat(actual).as(context).containsExactlyElementsOf(expected);
            }
            assertThat(indexed.countDocuments(query)).as(context).isEqualTo(plain.countDocuments(query));
        }
        // the comparison means something only if the indexes were used, and used in both ways
        assertThat(stats.servedByIndex().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(ROUNDS / 2);
        assertThat(stats.sortedWalks()).isPositive();
    }

    private static FindIterable<Document> find(MongoCollection<Document> collection, Document query, Document sort,
                                               int skip, int limit) {
        FindIterable<Document> found = collection.find(query).skip(skip).limit(limit);
        return sort == null ? found : found.sort(sort);
    }

    private void insertBoth(Document document) {
        plain.insertOne(Document.parse(document.toJson()));
        indexed.insertOne(document);
    }

    /** Now and then an update of indexed fields, a removal or a new document, to both collections. */
    private void change(int round) {
        int kind = random.nextInt(10);
        Document target = new Document("_id", "d" + random.nextInt(DOCUMENTS + round + 1));
        if (kind == 0) {
            Document set = new Document("state", pick(STATES)).append("h.due", date()).append("n", number());
            both(collection -> collection.updateOne(target, new Document("$set", set)));
        } else if (kind == 1) {
            both(collection -> collection.updateOne(target, new Document("$unset", new Document("country", ""))));
        } else if (kind == 2) {
            Document tags = new Document("tags", List.of("t" + random.nextInt(6), "t" + random.nextInt(6)));
            both(collection -> collection.updateOne(target, new Document("$set", tags)));
        } else if (kind == 3) {
            both(collection -> collection.deleteOne(target));
        } else if (kind == 4) {
            insertBoth(document("n" + round));
        }
    }

    private void both(java.util.function.Consumer<MongoCollection<Document>> change) {
        change.accept(plain);
        change.accept(indexed);
    }

    private Document document(String id) {
        Document document = new Document("_id", id);
        maybe(() -> document.append("country", random.nextInt(8) == 0 ? null : pick(COUNTRIES)));
        maybe(() -> document.append("unit", "U" + random.nextInt(4)));
        maybe(() -> document.append("at", date()));
        maybe(() -> document.append("state", pick(STATES)));
        maybe(() -> document.append("n", number()));
        int tags = random.nextInt(5);
        if (tags == 4) {
            document.append("tags", "t" + random.nextInt(6));
        } else if (tags > 0 || random.nextBoolean()) {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < tags; i++) {
                list.add("t" + random.nextInt(6));
            }
            document.append("tags", list);
        }
        if (random.nextInt(4) > 0) {
            Document h = new Document();
            maybe(() -> h.append("state", pick(STATES)));
            maybe(() -> h.append("due", random.nextInt(6) == 0 ? null : date()));
            document.append("h", h);
        }
        if (random.nextBoolean()) {
            List<Document> items = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                items.add(random.nextInt(5) == 0 ? new Document("other", 1) : new Document("k", "k" + random.nextInt(5)));
            }
            document.append("items", items);
        }
        return document;
    }

    private Document query() {
        List<Document> clauses = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            clauses.add(clause());
        }
        if (clauses.size() > 1 && random.nextBoolean()) {
            return new Document("$and", clauses);
        }
        Document query = new Document();
        clauses.forEach(query::putAll);
        return query;
    }

    private Document clause() {
        return switch (random.nextInt(14)) {
            case 0 -> new Document("country", random.nextInt(5) == 0 ? null : pick(COUNTRIES));
            case 1 -> new Document("unit", new Document("$in", List.of("U" + random.nextInt(4), "U" + random.nextInt(4))));
            case 2 -> new Document("at", range(this::date));
            case 3 -> new Document("state", pick(STATES));
            case 4 -> new Document("n", range(this::number));
            case 5 -> new Document("tags", random.nextInt(6) == 0 ? null : "t" + random.nextInt(6));
            case 6 -> new Document("tags", new Document("$in", List.of("t" + random.nextInt(6), "t" + random.nextInt(6))));
            case 7 -> new Document("h.state", new Document("$eq", pick(STATES)));
            case 8 -> new Document("h.due", range(this::date));
            case 9 -> new Document("items.k", random.nextInt(5) == 0 ? null : "k" + random.nextInt(5));
            case 10 -> new Document("state", new Document("$ne", pick(STATES)));
            case 11 -> new Document("h.due", new Document("$exists", random.nextBoolean()));
            case 12 -> new Document("$or", List.of(new Document("h.due", null), new Document("h.due", new Document("$lt", date()))));
            default -> new Document("country", new Document("$in", java.util.Arrays.asList(pick(COUNTRIES), null)));
        };
    }

    private Document range(Supplier<Object> value) {
        Document range = new Document();
        int bounds = random.nextInt(3);
        if (bounds != 1) {
            range.append(random.nextBoolean() ? "$gt" : "$gte", value.get());
        }
        if (bounds != 0) {
            range.append(random.nextBoolean() ? "$lt" : "$lte", value.get());
        }
        return range;
    }

    private Document sort() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> new Document("at", -1).append("_id", -1);
            case 2 -> new Document("at", 1).append("_id", 1);
            case 3 -> new Document("n", 1).append("_id", 1);
            case 4 -> new Document("h.due", -1).append("_id", 1);
            default -> new Document("_id", random.nextBoolean() ? 1 : -1);
        };
    }

    private Date date() {
        return Date.from(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * random.nextInt(48)));
    }

    private Object number() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(6);
            case 1 -> (long) random.nextInt(6);
            default -> random.nextInt(12) / 2.0;
        };
    }

    private void maybe(Runnable append) {
        if (random.nextInt(6) > 0) {
            append.run();
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.get("_id")));
        assertThat(new HashSet<>(ids)).as("no document twice").hasSameSizeAs(ids);
        return ids;
    }
}
