package org.cyberreport.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.cyberreport.kit.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivers the hand-offs of one outbox. A hand-off is claimed with one atomic {@code findAndModify}
 * that sets a lease, so several instances can relay at once; a crashed instance's claims are taken
 * over when their lease ends. Success marks the hand-off delivered, for the version that was sent
 * only; a failure schedules the next attempt in the document (exponential backoff with jitter), and
 * after the configured number of attempts parks it for an administrator to re-drive. Every state
 * change is conditional on this instance still holding the lease, so a late instance never undoes
 * another's work. The hand-off is a {@link Handoff} in a field of each document; a {@link DeliveryGate}
 * names the destinations that cannot take a call now, whose hand-offs are then not claimed at all.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate template;
    private final OutboxSettings settings;
    private final Delivery delivery;
    private final DeliveryGate gate;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Counter delivered;
    private final Counter failed;
    private final Counter parked;
    private final Counter heldBack;
    private final Timer delay;
    private final AtomicLong pendingCount = new AtomicLong();
    private final AtomicLong parkedCount = new AtomicLong();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private final Semaphore inFlight;
    /** This instance's deliveries under way per destination ("" for an outbox's only one), for the gate. */
    private final Map<String, AtomicInteger> inFlightTo = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService poller;
    private boolean autoStartup = true;

    public OutboxRelay(MongoTemplate template, OutboxSettings settings, Delivery delivery, Clock clock,
                       MeterRegistry meters) {
        this(template, settings, delivery, DeliveryGate.OPEN, clock, meters);
    }

    public OutboxRelay(MongoTemplate template, OutboxSettings settings, Delivery delivery, DeliveryGate gate,
                       Clock clock, MeterRegistry meters) {
        this.template = template;
        this.settings = settings;
        this.delivery = delivery;
        this.gate = gate;
        this.clock = clock;
        this.inFlight = new Semaphore(Math.max(1, settings.concurrency()));
        declareIndex();
        gate.whenOpening(this::wakeUp);
        String name = settings.name();
        this.delivered = Counter.builder("outbox.delivery.attempts").tag("outbox", name).tag("outcome", "delivered")
                .description("Delivery attempts by outcome").register(meters);
        this.failed = Counter.builder("outbox.delivery.attempts").tag("outbox", name).tag("outcome", "failed")
                .register(meters);
        this.parked = Counter.builder("outbox.delivery.attempts").tag("outbox", name).tag("outcome", "parked")
                .register(meters);
        this.heldBack = Counter.builder("outbox.delivery.attempts").tag("outbox", name).tag("outcome", "held-back")
                .register(meters);
        this.delay = Timer.builder("outbox.handoff.delay").tag("outbox", name)
                .description("From the change being stored to its delivery").publishPercentiles(0.5, 0.99)
                .register(meters);
        Gauge.builder("outbox.handoffs", pendingCount, AtomicLong::get).tag("outbox", name).tag("state", "pending")
                .description("Hand-offs by state").register(meters);
        Gauge.builder("outbox.handoffs", parkedCount, AtomicLong::get).tag("outbox", name).tag("state", "parked")
                .register(meters);
    }

    /**
     * Delivers due hand-offs until none is due or a batch is done. One after the other, it returns how
     * many were delivered; with a concurrency above 1 it hands each claim to its own virtual thread,
     * up to that many in flight (a destination that hangs holds only its own claims), and returns how
     * many it started.
     */
    public int drain() {
        int count = 0;
        boolean concurrent = settings.concurrency() > 1;
        for (int i = 0; i < settings.batchSize(); i++) {
            if (concurrent && !inFlight.tryAcquire()) {
                break;
            }
            Optional<Document> claimed = claim();
            if (claimed.isEmpty()) {
                if (concurrent) {
                    inFlight.release();
                }
                break;
            }
            AtomicInteger toDestination = counterOf(claimed.get());
            toDestination.incrementAndGet();
            if (concurrent) {
                workers.execute(() -> {
                    try {
                        attempt(claimed.get());
                    } catch (RuntimeException failure) {
                        log.warn("{} delivery failed unexpectedly: {}", settings.name(), failure.toString());
                    } finally {
                        toDestination.decrementAndGet();
                        inFlight.release();
                    }
                    // a place in flight is free (and the destination may take a call again): the next due
                    // hand-off need not wait for the poll
                    wakeUp();
                });
                count++;
            } else {
                try {
                    if (attempt(claimed.get())) {
                        count++;
                    }
                } finally {
                    toDestination.decrementAndGet();
                }
            }
        }
        refreshCounts();
        return count;
    }

    /**
     * Claims the most overdue hand-off that nobody holds, for the lease duration, among the destinations
     * that can take a call now: those of a destination that cannot are left as they are.
     */
    public Optional<Document> claim() {
        DeliveryGate.Waiting waiting = gate.waiting(this::inFlightTo);
        if (waiting.all()) {
            return Optional.empty();
        }
        Instant now = now();
        List<Criteria> conditions = new ArrayList<>(List.of(
                where(path("state")).is(HandoffState.PENDING.name()),
                where(path("nextAttemptAt")).lte(Date.from(now))));
        if (!waiting.destinations().isEmpty()) {
            conditions.add(where(path("destination")).nin(List.copyOf(waiting.destinations())));
        }
        conditions.add(new Criteria().orOperator(where(path("leaseUntil")).is(null),
                where(path("leaseUntil")).lt(Date.from(now))));
        Query due = new Query(new Criteria().andOperator(conditions)).with(Sort.by(path("nextAttemptAt")));
        Update lease = new Update().set(path("leaseOwner"), owner).set(path("leaseUntil"), Date.from(now.plus(settings.lease())));
        return Optional.ofNullable(template.findAndModify(due, lease, FindAndModifyOptions.options().returnNew(true),
                Document.class, settings.collection()));
    }

    private int inFlightTo(String destination) {
        AtomicInteger count = inFlightTo.get(destination == null ? "" : destination);
        return count == null ? 0 : count.get();
    }

    private AtomicInteger counterOf(Document claimed) {
        Object destination = claimed.get(settings.field(), Document.class).get("destination");
        return inFlightTo.computeIfAbsent(destination == null ? "" : destination.toString(), key -> new AtomicInteger());
    }

    private boolean attempt(Document claimed) {
        Document handoff = claimed.get(settings.field(), Document.class);
        // the delivery, its call and its log lines belong to the trace of the request that made the change
        try (Scope trace = TraceContexts.resume(handoff.getString("traceparent"))) {
            return attempt(claimed, handoff);
        }
    }

    private boolean attempt(Document claimed, Document handoff) {
        try {
            delivery.deliver(claimed);
        } catch (Exception failure) {
            reschedule(claimed, handoff, failure);
            return false;
        }
        Instant now = now();
        boolean marked = update(claimed, handoff, new Update()
                .set(path("state"), HandoffState.DELIVERED.name()).set(path("deliveredAt"), Date.from(now))
                .unset(path("leaseOwner")).unset(path("leaseUntil")).unset(path("lastError")));
        delivered.increment();
        Object queuedAt = handoff.get("queuedAt");
        if (marked && queuedAt instanceof Date queued) {
            delay.record(Duration.between(queued.toInstant(), now));
        }
        return true;
    }

    private void reschedule(Document claimed, Document handoff, Exception failure) {
        // Held back by our own circuit breaker, bulkhead or missing token: nothing reached the
        // destination, so it is not an attempt, and back-pressure alone never parks a hand-off.
        boolean heldBack = failure instanceof CallNotPermittedException || failure instanceof BulkheadFullException
                || failure instanceof HeldBackException;
        int attempts = handoff.getInteger("attempts", 0) + (heldBack ? 0 : 1);
        String error = describe(failure);
        Update update = new Update().set(path("attempts"), attempts).set(path("lastError"), error)
                .unset(path("leaseOwner")).unset(path("leaseUntil"));
        if (!heldBack && attempts >= settings.maxAttempts()) {
            update.set(path("state"), HandoffState.PARKED.name()).set(path("parkedAt"), Date.from(now()));
            parked.increment();
            log.warn("{} hand-off of {} parked after {} attempts: {}", settings.name(), claimed.get("_id"), attempts, error);
        } else {
            update.set(path("nextAttemptAt"), Date.from(now().plus(backoff(Math.max(1, attempts)))));
            (heldBack ? this.heldBack : failed).increment();
            log.info("{} hand-off of {} failed (attempt {}): {}", settings.name(), claimed.get("_id"), attempts, error);
        }
        update(claimed, handoff, update);
    }

    /** Exponential backoff with jitter: a random wait between half and all of first × 2^(attempts-1). */
    Duration backoff(int attempts) {
        long first = settings.firstBackoff().toMillis();
        long ceiling = settings.maxBackoff().toMillis();
        long exponential = attempts >= 31 ? ceiling : Math.min(ceiling, first << (attempts - 1));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private boolean update(Document claimed, Document handoff, Update update) {
        Query mine = new Query(where("_id").is(claimed.get("_id")).and(path("version")).is(handoff.get("version"))
                .and(path("leaseOwner")).is(owner));
        if (template.updateFirst(mine, update, settings.collection()).getModifiedCount() == 1) {
            return true;
        }
        // A newer version was stored meanwhile and kept this claim so as not to overtake the one in
        // flight: that delivery has ended, so the newer one may go now.
        Query newerStillClaimed = new Query(where("_id").is(claimed.get("_id")).and(path("leaseOwner")).is(owner)
                .and(path("state")).is(HandoffState.PENDING.name()));
        template.updateFirst(newerStillClaimed, new Update().unset(path("leaseOwner")).unset(path("leaseUntil")),
                settings.collection());
        return false;
    }

    /**
     * For the administrators' lists: the documents whose hand-off is in a state, the most due first, read
     * as {@code rowType} with only the hand-off and the given fields of the document (say, a reference
     * and a country: delivery facts, never content).
     */
    public <R> List<R> list(HandoffState state, int limit, Class<R> rowType, String... fields) {
        return find(where(path("state")).is(state.name()), limit, rowType, fields);
    }

    /** As {@link #list(HandoffState, int, Class, String...)}, only those due before a moment (held ones left behind, say). */
    public <R> List<R> list(HandoffState state, Instant dueBefore, int limit, Class<R> rowType, String... fields) {
        return find(where(path("state")).is(state.name()).and(path("nextAttemptAt")).lt(Date.from(dueBefore)), limit,
                rowType, fields);
    }

    private <R> List<R> find(Criteria criteria, int limit, Class<R> rowType, String... fields) {
        Query query = new Query(criteria).with(Sort.by(path("nextAttemptAt"))).limit(limit);
        query.fields().include(settings.field()).include(fields);
        return template.find(query, rowType, settings.collection());
    }

    /** One document's hand-off and the given fields, as {@code rowType}; empty when there is no such document. */
    public <R> Optional<R> find(Object id, Class<R> rowType, String... fields) {
        Query query = new Query(where("_id").is(id));
        query.fields().include(settings.field()).include(fields);
        return Optional.ofNullable(template.findOne(query, rowType, settings.collection()));
    }

    /** The collection whose documents carry this relay's hand-offs. */
    public String collection() {
        return settings.collection();
    }

    /**
     * Puts a parked hand-off back in line, now, with its attempts reset, and starts a relay cycle;
     * false if none was parked.
     */
    public boolean redrive(Object id) {
        return redrive(id, update -> { });
    }

    /**
     * As {@link #redrive(Object)}, with more written to the same document in the same update (the
     * administrator's audit record, so that a re-drive is never stored without it).
     */
    public boolean redrive(Object id, java.util.function.Consumer<Update> alsoWrite) {
        Update update = new Update().set(path("state"), HandoffState.PENDING.name())
                .set(path("attempts"), 0).set(path("nextAttemptAt"), Date.from(now())).unset(path("parkedAt"))
                .unset(path("leaseOwner")).unset(path("leaseUntil"));
        alsoWrite.accept(update);
        boolean redriven = change(id, HandoffState.PARKED, update);
        refreshCounts();
        if (redriven) {
            wakeUp();
        }
        return redriven;
    }

    /** Releases a held hand-off to the relay, due now, and starts a relay cycle; false if none was held. */
    public boolean release(Object id) {
        boolean released = change(id, HandoffState.HELD, new Update().set(path("state"), HandoffState.PENDING.name())
                .set(path("nextAttemptAt"), Date.from(now())));
        if (released) {
            wakeUp();
        }
        return released;
    }

    /**
     * Cancels a hand-off that has not been delivered: held or pending (one in flight loses its lease, so its
     * delivery, should it end, changes nothing); false if there was none.
     */
    public boolean cancel(Object id) {
        Update cancelled = new Update().set(path("state"), HandoffState.CANCELLED.name())
                .unset(path("leaseOwner")).unset(path("leaseUntil"));
        return change(id, HandoffState.PENDING, cancelled) || change(id, HandoffState.HELD, cancelled);
    }

    private boolean change(Object id, HandoffState from, Update update) {
        Query inState = new Query(where("_id").is(id).and(path("state")).is(from.name()));
        return template.updateFirst(inState, update, settings.collection()).getModifiedCount() == 1;
    }

    private void refreshCounts() {
        pendingCount.set(template.count(new Query(where(path("state")).is(HandoffState.PENDING.name())), settings.collection()));
        parkedCount.set(template.count(new Query(where(path("state")).is(HandoffState.PARKED.name())), settings.collection()));
    }

    /**
     * What claims and the administrators' lists ask for: hand-offs by state, the most due first, and
     * their destination, so that the claim leaves a waiting destination's hand-offs out from the index's
     * keys on a real MongoDB. It replaces the earlier {@code <field>_due} index (state, due time), which
     * it serves every query of.
     */
    private void declareIndex() {
        IndexOperations indexes = template.indexOps(settings.collection());
        indexes.createIndex(new Index().on(path("state"), Sort.Direction.ASC).on(path("nextAttemptAt"), Sort.Direction.ASC)
                .on(path("destination"), Sort.Direction.ASC).named(settings.field() + "_claim"));
        String earlier = settings.field() + "_due";
        if (indexes.getIndexInfo().stream().map(IndexInfo::getName).anyMatch(earlier::equals)) {
            indexes.dropIndex(earlier);
        }
    }

    private String path(String name) {
        return settings.field() + "." + name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(Exception failure) {
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return message.length() <= 500 ? message : message.substring(0, 500);
    }

    public String owner() {
        return owner;
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-" + settings.name()).daemon().factory());
        long interval = settings.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::cycle, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Asks for a relay cycle now rather than at the next poll, e.g. right after a change was stored.
     * Cycles run one at a time on the relay's own thread, so a wake-up never runs beside a poll.
     */
    public synchronized void wakeUp() {
        if (poller != null && wakeUpPending.compareAndSet(false, true)) {
            // wake-ups that arrive while one waits are one cycle: a burst of filings is not a burst of cycles
            poller.execute(() -> {
                wakeUpPending.set(false);
                cycle();
            });
        }
    }

    private void cycle() {
        try {
            while (drain() == settings.batchSize()) {
                // a full batch: more may be due at once
            }
        } catch (RuntimeException failure) {
            log.warn("{} relay cycle failed: {}", settings.name(), failure.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    /** Whether the relay polls by itself once the application has started (tests may drive it instead). */
    public OutboxRelay autoStartup(boolean enabled) {
        this.autoStartup = enabled;
        return this;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
