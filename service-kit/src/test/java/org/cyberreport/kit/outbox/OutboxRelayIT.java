package org.cyberreport.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
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
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
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

    @Test
    void aWaitingDestinationsHandoffsAreNeitherClaimedNorRewrittenAndGoOnceItOpens() {
        pendingTo("at-1", "AT");
        pendingTo("fr-1", "FR");
        pendingTo("at-2", "AT");
        makeDue("at-1");
        makeDue("at-2"); // the most overdue first in line, as a waiting country's hand-offs are
        Document before1 = template.getCollection("items").find(new Document("_id", "at-1")).first();
        Document before2 = template.getCollection("items").find(new Document("_id", "at-2")).first();
        SwitchableGate gate = new SwitchableGate(Set.of("AT"));
        List<String> delivered = new CopyOnWriteArrayList<>();
        OutboxRelay relay = relay(1, gate, claimed -> delivered.add(claimed.getString("_id")));

        for (int i = 0; i < 5; i++) {
            relay.drain();
        }

        assertThat(delivered).containsExactly("fr-1");
        assertThat(template.getCollection("items").find(new Document("_id", "at-1")).first()).isEqualTo(before1);
        assertThat(template.getCollection("items").find(new Document("_id", "at-2")).first()).isEqualTo(before2);
        assertThat(attempts("held-back")).isZero();
        assertThat(attempts("failed")).isZero();

        gate.open();
        relay.drain();

        assertThat(delivered).hasSize(3).startsWith("fr-1").contains("at-1", "at-2");
        assertThat(handoff("at-1").getString("state")).isEqualTo("DELIVERED");
    }

    @Test
    void anOutboxWithOneDestinationAsksNothingOfTheStoreWhileItWaits() {
        pending("h-w");
        Document before = template.getCollection("items").find(new Document("_id", "h-w")).first();
        AtomicInteger calls = new AtomicInteger();
        SwitchableGate gate = new SwitchableGate(null);
        OutboxRelay relay = relay(4, gate, claimed -> calls.incrementAndGet());

        assertThat(relay.drain()).isZero();
        assertThat(relay.claim()).isEmpty();

        assertThat(calls.get()).isZero();
        assertThat(template.getCollection("items").find(new Document("_id", "h-w")).first()).isEqualTo(before);
        gate.open();
        assertThat(relay.drain()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(handoff("h-w").getString("state")));
    }

    @Test
    void aBreakerThatMovesToHalfOpenWakesTheRelayWithoutWaitingForThePoll() throws InterruptedException {
        CircuitBreaker breaker = CircuitBreaker.of("triage", CircuitBreakerConfig.custom()
                .waitDurationInOpenState(Duration.ofMillis(300)).automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1).build());
        breaker.transitionToOpenState();
        pending("h-b");
        Document before = template.getCollection("items").find(new Document("_id", "h-b")).first();
        List<String> delivered = new CopyOnWriteArrayList<>();
        // polls once an hour: only the breaker's move can start the delivery in time
        OutboxRelay relay = new OutboxRelay(template, new OutboxSettings("test", "items", "handoff", Duration.ofSeconds(30), 3,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofHours(1), 10, 4),
                claimed -> breaker.executeRunnable(() -> delivered.add(claimed.getString("_id"))),
                ResilienceGate.of(breaker), Clock.systemUTC(), meters);
        relay.start();
        try {
            relay.wakeUp();
            TimeUnit.MILLISECONDS.sleep(150);
            assertThat(template.getCollection("items").find(new Document("_id", "h-b")).first())
                    .as("left alone while the breaker is open").isEqualTo(before);
            assertThat(delivered).isEmpty();
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> delivered.contains("h-b"));
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> "DELIVERED".equals(handoff("h-b").getString("state")));
            assertThat(attempts("held-back")).isZero();
        } finally {
            relay.stop();
        }
    }

    @Test
    void theAdministratorsListReadsHandoffsByStateAndCancelledOnesAreNeverClaimed() {
        pending("h-p");
        pending("h-c");
        template.insert(new Document("_id", "h-h").append("reference", "R-1").append("handoff",
                template.getConverter().convertToMongoType(Handoff.held(1, null, java.time.Instant.now()))), "items");
        OutboxRelay relay = relay(claimed -> { });

        assertThat(relay.cancel("h-c")).isTrue();
        assertThat(relay.cancel("h-c")).as("already cancelled").isFalse();
        List<Row> held = relay.list(HandoffState.HELD, 10, Row.class, "reference");
        assertThat(relay.drain()).as("only the pending one").isEqualTo(1);

        assertThat(held).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("h-h");
            assertThat(row.reference()).isEqualTo("R-1");
            assertThat(row.handoff().state()).isEqualTo(HandoffState.HELD);
        });
        assertThat(relay.list(HandoffState.CANCELLED, 10, Row.class)).extracting(Row::id).containsExactly("h-c");
        assertThat(relay.list(HandoffState.DELIVERED, 10, Row.class)).extracting(Row::id).containsExactly("h-p");
        assertThat(relay.release("h-h")).isTrue();
        assertThat(relay.release("h-h")).as("no longer held").isFalse();
        assertThat(relay.drain()).isEqualTo(1);
        assertThat(handoff("h-h").getString("state")).isEqualTo("DELIVERED");
        assertThat(handoff("h-c").getString("state")).isEqualTo("CANCELLED");
    }

    @Test
    void theKitsHandoffIsStoredUnderTheFieldNamesTheRelayWrites() {
        java.time.Instant now = java.time.Instant.parse("2026-11-20T10:00:00Z");
        Document stored = (Document) template.getConverter().convertToMongoType(Handoff.pending(3, "FR", now));
        Document single = (Document) template.getConverter().convertToMongoType(Handoff.pending(1, now));

        assertThat(stored).containsEntry("version", 3L).containsEntry("state", "PENDING").containsEntry("attempts", 0)
                .containsEntry("queuedAt", Date.from(now)).containsEntry("nextAttemptAt", Date.from(now))
                .containsEntry("destination", "FR").doesNotContainKeys("leaseOwner", "leaseUntil", "_class");
        assertThat(single).doesNotContainKey("destination");
        assertThat(template.getConverter().read(Handoff.class, stored)).isEqualTo(Handoff.pending(3, "FR", now));
    }

    @Test
    void theClaimIndexReplacesTheEarlierDueIndex() {
        template.indexOps("items").createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("handoff.state", org.springframework.data.domain.Sort.Direction.ASC)
                .on("handoff.nextAttemptAt", org.springframework.data.domain.Sort.Direction.ASC).named("handoff_due"));

        relay(claimed -> { });

        assertThat(template.indexOps("items").getIndexInfo()).extracting(info -> info.getName())
                .contains("handoff_claim").doesNotContain("handoff_due");
    }

    record Row(String id, String reference, Handoff handoff) {
    }

    /** A gate the test opens: {@code null} destinations means the outbox's only destination waits. */
    private static final class SwitchableGate implements DeliveryGate {
        private volatile Set<String> waiting;
        private volatile boolean open;
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        SwitchableGate(Set<String> waiting) {
            this.waiting = waiting;
        }

        @Override
        public Waiting waiting(java.util.function.ToIntFunction<String> inFlight) {
            return open ? Waiting.NONE : waiting == null ? Waiting.ALL : Waiting.of(waiting);
        }

        @Override
        public void whenOpening(Runnable listener) {
            listeners.add(listener);
        }

        void open() {
            open = true;
            listeners.forEach(Runnable::run);
        }
    }

    private double attempts(String outcome) {
        return meters.get("outbox.delivery.attempts").tag("outcome", outcome).counter().count();
    }

    private OutboxRelay relay(Delivery delivery) {
        return relay(1, delivery);
    }

    private OutboxRelay relay(int concurrency, Delivery delivery) {
        return relay(concurrency, DeliveryGate.OPEN, delivery);
    }

    private OutboxRelay relay(int concurrency, DeliveryGate gate, Delivery delivery) {
        return new OutboxRelay(template, new OutboxSettings("test", "items", "handoff", Duration.ofSeconds(30), 3,
                Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1), 10, concurrency), delivery, gate,
                Clock.systemUTC(), meters);
    }

    private void pendingTo(String id, String destination) {
        template.insert(new Document("_id", id).append("handoff", new Document("version", 1L).append("state", "PENDING")
                .append("attempts", 0).append("queuedAt", new Date()).append("nextAttemptAt", new Date())
                .append("destination", destination)), "items");
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
