package org.cyberreport.kit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCommandException;

/**
 * A real MongoDB for the integration suites, when asked for, each suite in its own database:
 * <ul>
 * <li>{@code -Dit.mongodb=container} (the Maven profile {@code real-mongodb}): one single-member replica
 * set of MongoDB's own image, started by Testcontainers per test JVM, where a container engine runs;
 * where none runs, it says so once in the test output and the suites run on the embedded MongoDB;</li>
 * <li>{@code -Dit.mongodb=mongodb://user:password@host/?replicaSet=rs0}: a MongoDB the department runs
 * itself (no container engine needed), reached as the user given, ideally the application user of a
 * deployment (role {@code readWrite} on the service's database and nothing more): the suites then show
 * that those rights are all the services need.</li>
 * </ul>
 * On a real MongoDB the suites also check, through the database profiler, that none of the services'
 * queries scanned a collection ({@link #collectionScans}): the counterpart of the embedded store's count
 * of unindexed queries.
 */
public final class RealMongo {

    static final String IMAGE = "mongo:8.0";
    private static MongoDBContainer container;
    private static boolean told;
    private static boolean profilerRefused;

    private RealMongo() {
    }

    /** Whether a real MongoDB was asked for. */
    public static boolean asked() {
        String mode = System.getProperty("it.mongodb", "embedded");
        return "container".equals(mode) || given() != null;
    }

    private static String given() {
        String mode = System.getProperty("it.mongodb", "embedded");
        return mode.startsWith("mongodb://") || mode.startsWith("mongodb+srv://") ? mode : null;
    }

    /** The connection string of the real MongoDB for {@code database}, or empty: embedded then. */
    public static synchronized Optional<String> uri(String database) {
        if (given() != null) {
            return Optional.of(inDatabase(given(), database));
        }
        if (!asked()) {
            return Optional.empty();
        }
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                if (!told) {
                    told = true;
                    System.out.println("[real-mongodb] No container engine is available here: the integration suites "
                            + "run on the embedded MongoDB, as without the profile.");
                }
                return Optional.empty();
            }
            container = new MongoDBContainer(IMAGE);
            container.start();
            System.out.println("[real-mongodb] The integration suites run on MongoDB " + IMAGE + ", replica set at "
                    + container.getReplicaSetUrl());
        }
        return Optional.of(container.getReplicaSetUrl(database));
    }

    /**
     * The given connection string with {@code database} as its database; its options (the replica set, the
     * authentication database) kept. A user given without an authentication database authenticates
     * against {@code database}: the application user's own.
     */
    static String inDatabase(String given, String database) {
        ConnectionString parsed = new ConnectionString(given);
        int hostsStart = given.indexOf("://") + 3;
        int pathStart = given.indexOf('/', hostsStart);
        int optionsStart = given.indexOf('?', hostsStart);
        String prefix = given.substring(0, pathStart < 0 ? (optionsStart < 0 ? given.length() : optionsStart) : pathStart);
        String options = optionsStart < 0 ? "" : given.substring(optionsStart + 1);
        if (parsed.getCredential() != null && !options.contains("authSource=")) {
            options = options.isEmpty() ? "authSource=" + database : options + "&authSource=" + database;
        }
        return prefix + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    /**
     * Starts recording every operation on the suite's database (MongoDB's profiler, level 2), after
     * clearing what was recorded before; does nothing on the embedded store.
     */
    public static void recordOperations(MongoTemplate mongo) {
        if (!asked() || profilerRefused || !mongo.getDb().getName().endsWith("-it")) {
            return;
        }
        try {
            mongo.getDb().runCommand(new Document("profile", 0));
            mongo.getDb().getCollection("system.profile").drop();
            mongo.getDb().runCommand(new Document("profile", 2));
        } catch (MongoCommandException refused) {
            // the application user (readWrite) may not use the profiler: its rights are what is shown then
            profilerRefused = true;
            System.out.println("[real-mongodb] The user given may not use the database profiler (" + refused.getErrorCodeName()
                    + "): the queries' plans are not checked in this run, only that these rights suffice.");
        }
    }

    /**
     * The operations the service made since {@link #recordOperations} that scanned a whole collection
     * (plan {@code COLLSCAN}), described by namespace, operation and filter; the test's own clean-up (a
     * removal of everything) and the profiler's own collection left out. Empty on the embedded store.
     */
    public static List<String> collectionScans(MongoTemplate mongo) {
        List<String> scans = new ArrayList<>();
        if (!asked() || profilerRefused || !mongo.getDb().getName().endsWith("-it")) {
            return scans;
        }
        mongo.getDb().runCommand(new Document("profile", 0));
        for (Document operation : mongo.getDb().getCollection("system.profile")
                .find(new Document("planSummary", new Document("$regex", "COLLSCAN")))) {
            String namespace = operation.getString("ns");
            Document command = operation.get("command", Document.class);
            if (namespace == null || namespace.contains(".system.") || clearsAll(operation, command)) {
                continue;
            }
            scans.add(namespace + " " + operation.getString("op") + " " + (command == null ? "" : command.toJson()));
        }
        return scans;
    }

    private static boolean clearsAll(Document operation, Document command) {
        if (!"remove".equals(operation.getString("op")) || command == null) {
            return false;
        }
        Document filter = command.get("q", Document.class);
        return filter == null || filter.isEmpty();
    }
}
