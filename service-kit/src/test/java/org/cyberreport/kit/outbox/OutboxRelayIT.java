package org.cyberreport.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The relay over the real driver and the embedded server: attempts, parking, and back-pressure. */
class OutboxRelayIT {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        template = new MongoTemplate(client, "outbox");
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void parksAfterTheConfiguredNumberOfFailedAttempts() {
        pending("h-1");
        OutboxRelay relay = relay(claimed -> {
            throw new IllegalStateException("destination answered 500");
        });

        for (int i = 0; i < 3; i++) {
            relay.drain();
            makeDue("h-1");
        }

        Document handoff = handoff("h-1");
        assertThat(handoff.getString("state")).isEqualTo("PARKED");
        assertThat(handoff.getInteger("attempts")).isEqualTo(3);
        assertThat(handoff.getString("lastError")).contains("500");
        assertThat(attempts("failed")).isEqualTo(2);
        assertThat(attempts("parked")).isEqualTo(1);
        assertThat(attempts("held-back")).isZero();
    }

    @Test
    void backPressureFromOurOwnBulkheadIsNotAnAttemptAndNeverParks() {
        pending("h-2");
        AtomicInteger calls = new AtomicInteger();
        OutboxRelay relay = relay(claimed -> {
            calls.incrementAndGet();
            throw BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("country-XX"));
        });

        for (int i = 0; i < 5; i++) {
            relay.drain();
            makeDue("h-2");
        }

        Document handoff = handoff("h-2");
        assertThat(handoff.getString("state")).isEqualTo("PENDING");
        assertThat(handoff.getInteger("attempts")).isZero();
        assertThat(handoff.getString("lastError")).contains("BulkheadFull");
        assertThat(calls.get()).isGreaterThanOrEqualTo(5);
        assertThat(attempts("held-back")).isEqualTo(calls.get());
        assertThat(attempts("failed")).isZero();
    }

    @Test
    void deliversSeveralAtOnceAndANewerVersionWaitsForTheOneInFlight() throws Exception {
        for (int i = 0; i < 6; i++) {
            pending("h-" + i);
        }
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxRelay relay = relay(8, claimed -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } finally {
                inFlight.decrementAndGet();
            }
            delivered.add(claimed.getString("_id") + "@" + claimed.get("handoff", Document.class).get("version"));
        });

        assertThat(relay.drain()).isEqualTo(6);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.get() == 6);
        // h-0 changes while its version 1 is on its way: version 2 keeps the claim, as intake's reports do
        Document claim = handoff("h-0");
        template.getCollection("items").updateOne(new Document("_id", "h-0"), new Document("$set",
                new Document("handoff", new Document("version", 2L).append("state", "PENDING").append("attempts", 0)
                        .append("queuedAt", new Date()).append("nextAttemptAt", new Date())
                        .append("leaseOwner", claim.get("leaseOwner")).append("leaseUntil", claim.get("leaseUntil")))));
        assertThat(relay.drain()).as("version 2 is not claimed while version 1 is in flight").isZero();

        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 6);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> relay.drain() == 1 || delivered.size() == 7);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 7);

        assertThat(mostInFlight.get()).isEqualTo(6);
        assertThat(delivered.stream().filter(entry -> entry.startsWith("h-0@"))).containsExactly("h-0@1", "h-0@2");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(handoff("h-0").getString("state")));
        assertThat(handoff("h-0").get("version")).isEqualTo(2L);
    }

    private double attempts(String outcome) {
        return meters.get("outbox.delivery.attempts").tag("outcome", outcome).counter().count();
    }

    private OutboxRelay relay(Delivery delivery) {
        return relay(1, delivery);
    }

    private OutboxRelay relay(int concurrency, Delivery delivery) {
        return new OutboxRelay(template, new OutboxSettings("test", "items", "handoff", Duration.ofSeconds(30), 3,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1), 10, concurrency), delivery,
                Clock.systemUTC(), meters);
    }

    private void pending(String id) {
        template.insert(new Document("_id", id).append("handoff", new Document("version", 1L).append("state", "PENDING")
                .append("attempts", 0).append("queuedAt", new Date()).append("nextAttemptAt", new Date())), "items");
    }

    private void makeDue(String id) {
        template.getCollection("items").updateOne(new Document("_id", id),
                new Document("$set", new Document("handoff.nextAttemptAt", new Date(0))));
    }

    private Document handoff(String id) {
        return template.getCollection("items").find(new Document("_id", id)).first().get("handoff", Document.class);
    }
}
