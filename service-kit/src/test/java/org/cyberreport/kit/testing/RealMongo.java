package org.cyberreport.kit.testing;

import java.util.Optional;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * A real MongoDB for the integration suites, when asked for (the Maven profile {@code real-mongodb}, or
 * {@code -Dit.mongodb=container}) and a container engine is present: one single-member replica set
 * (MongoDB's own image, started by Testcontainers) per test JVM, each suite in its own database. Where
 * no engine runs, it says so once in the test output and the suites run on the embedded MongoDB.
 */
public final class RealMongo {

    static final String IMAGE = "mongo:8.0";
    private static MongoDBContainer container;
    private static boolean told;

    private RealMongo() {
    }

    /** Whether the real MongoDB was asked for. */
    public static boolean asked() {
        return "container".equals(System.getProperty("it.mongodb", "embedded"));
    }

    /** The connection string of the replica set for {@code database}, or empty: embedded then. */
    public static synchronized Optional<String> uri(String database) {
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
}
