package org.cyberreport.kit.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a service's audit trail tamper-evident: each record, once written, is sealed into one chain per
 * service: its place ({@code link}, from 1), the hash of the record before it, and a SHA-256 over that
 * hash, its own content and its place. Changing, removing or reordering a sealed record breaks the chain
 * at that record, and {@link #verify()} names the first broken link.
 *
 * <p>Records are written as they happen (by any instance, at once, so that no request waits for the
 * chain) and sealed in the order they were written by a single sealer at a time: a lease on the chain's
 * head document decides which instance seals. A sealer that dies between sealing records and moving the
 * head leaves records ahead of the head; the next one adopts them before sealing more, so the chain
 * never forks (a unique index on the place makes a second record at one place impossible).
 */
public class AuditChain implements SmartLifecycle {

    public static final String HEADS = "audit_chain";
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String HEAD = "head";
    private static final int BATCH = 500;
    private static final int VERIFY_PAGE = 1_000;
    /** How long a record may wait in its changed document before a pass settles it (its request does at once). */
    private static final Duration PENDING_GRACE = Duration.ofSeconds(10);

    private final MongoTemplate template;
    private final AuditTrail trail;
    private final Clock clock;
    private final Duration interval;
    private final Duration lease;
    private final String owner = UUID.randomUUID().toString();
    private ScheduledExecutorService sealer;
    private final java.time.Period retention;
    private Instant lastPruned = Instant.MIN;

    public AuditChain(MongoTemplate template, AuditTrail trail, Clock clock, Duration interval, Duration lease) {
        this(template, trail, clock, interval, lease, null);
    }

    /** @param retention how long records are kept before the sealer erases them (null: for ever) */
    public AuditChain(MongoTemplate template, AuditTrail trail, Clock clock, Duration interval, Duration lease,
                      java.time.Period retention) {
        this.retention = retention;
        this.template = template;
        this.trail = trail;
        this.clock = clock;
        this.interval = interval;
        this.lease = lease;
        // one record per place, and the unsealed ones in the order they were written
        template.indexOps(AuditTrail.COLLECTION).createIndex(new Index().on("link", Sort.Direction.ASC).unique().sparse()
                .named("chain_link"));
        // the chain in order, for its verification a page at a time (a range the unique index does not serve)
        template.indexOps(AuditTrail.COLLECTION).createIndex(new Index().on("link", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("chain_walk"));
        template.indexOps(AuditTrail.COLLECTION).createIndex(new Index().on("sealed", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("chain_unsealed"));
    }

    /** Where a verification stopped: the first link that does not hold, and why. */
    public record Broken(long link, String recordId, String problem) {
    }

    /** What a verification found: how many records it checked, how many wait to be sealed, the first break. */
    public record Verification(long sealed, long unsealed, boolean intact, Broken firstBroken, long base) {
    }

    /** Seals the records written since the last pass; returns how many. */
    public int seal() {
        Document head = claimHead();
        if (head == null) {
            return 0; // another instance seals now
        }
        long link = head.get("link", Number.class).longValue();
        String hash = head.getString("hash");
        int sealed = 0;
        try {
            // records a sealer sealed before it could move the head
            for (Document ahead = atLink(link + 1); ahead != null; ahead = atLink(link + 1)) {
                link = link + 1;
                hash = ahead.getString("hash");
            }
            List<Document> unsealed = template.find(new Query(where("sealed").is(false))
                    .with(Sort.by("at", "_id")).limit(BATCH), Document.class, AuditTrail.COLLECTION);
            for (Document record : unsealed) {
                long place = link + 1;
                String sealedHash = hash(hash, record, place);
                try {
                    boolean done = template.updateFirst(new Query(where("_id").is(record.get("_id")).and("sealed").is(false)),
                            new Update().set("sealed", true).set("link", place).set("previousHash", hash).set("hash", sealedHash),
                            AuditTrail.COLLECTION).getModifiedCount() == 1;
                    if (done) {
                        link = place;
                        hash = sealedHash;
                        sealed++;
                    }
                } catch (DuplicateKeyException taken) {
                    log.warn("Audit chain: place {} was taken by another sealer; this pass stops", place);
                    break;
                }
            }
        } finally {
            template.updateFirst(new Query(where("_id").is(HEAD).and("leaseOwner").is(owner)),
                    new Update().set("link", link).set("hash", hash), HEADS);
        }
        anchor(link, hash);
        return sealed;
    }

    /**
     * Erases the sealed records written before {@code before}, from the start of the chain, at most
     * {@code limit}: the chain's head first remembers the last erased place and its hash (its base), then
     * the records up to it go, so what is left verifies from there (a crash in between leaves records the
     * next pass removes). The erasure itself is recorded in the trail. Returns how many were erased.
     */
    public long prune(Instant before, int limit) {
        Document head = claimHead();
        if (head == null) {
            return 0;
        }
        long base = number(head, "baseLink");
        List<Document> old = template.find(new Query(where("link").gt(base)).with(Sort.by("link")).limit(limit),
                Document.class, AuditTrail.COLLECTION);
        long last = base;
        String lastHash = null;
        for (Document record : old) {
            long link = record.get("link", Number.class).longValue();
            Date at = record.getDate("at");
            if (link != last + 1 || at == null || !at.toInstant().isBefore(before)) {
                break; // a gap is for the verification to report, not for the erasure to hide
            }
            last = link;
            lastHash = record.getString("hash");
        }
        if (last > base && template.updateFirst(new Query(where("_id").is(HEAD).and("leaseOwner").is(owner)),
                new Update().set("baseLink", last).set("baseHash", lastHash), HEADS).getModifiedCount() == 0) {
            return 0; // the lease was lost meanwhile: the base did not move, so nothing may go
        }
        long erased = template.remove(new Query(where("link").lte(Math.max(last, base))), AuditTrail.COLLECTION).getDeletedCount();
        if (erased > 0) {
            trail.record(org.cyberreport.kit.security.Caller.system("retention"), "AUDIT_ERASED", "audit", null, Map.of("records", String.valueOf(erased),
                    "throughPlace", String.valueOf(last), "writtenBefore", before.toString()));
            log.info("Audit chain: {} record(s) written before {} erased at the end of their retention", erased, before);
        }
        return erased;
    }

    private volatile Instant lastAnchored = Instant.MIN;
    private volatile long anchoredLink;

    /**
     * Writes the head of the chain to the log at most once a minute when it moved: logs shipped to a store
     * the database's users cannot write keep a trace of the chain's head outside the database, against
     * which a chain rewritten as a whole (its head included) can be checked.
     */
    private void anchor(long link, String hash) {
        Instant now = clock.instant();
        if (link > anchoredLink && Duration.between(lastAnchored, now).compareTo(Duration.ofMinutes(1)) >= 0) {
            lastAnchored = now;
            anchoredLink = link;
            log.info("Audit chain head: place {} hash {}", link, hash);
        }
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /**
     * Walks the whole chain in order and checks every link; reports the first that does not hold. It checks
     * against the head as it was when the walk began (the sealer may move it meanwhile); an erasure of old
     * records during the walk makes it begin again, once.
     */
    public Verification verify() {
        Verification first = walk();
        if (!first.intact() && first.firstBroken().problem().contains("missing")) {
            Document now = template.findById(HEAD, Document.class, HEADS);
            if (now != null && number(now, "baseLink") != first.base()) {
                return walk();
            }
        }
        return first;
    }

    private Verification walk() {
        Document start = template.findById(HEAD, Document.class, HEADS);
        long base = start == null ? 0 : number(start, "baseLink");
        long expected = base + 1;
        String previousHash = start == null || start.getString("baseHash") == null ? "" : start.getString("baseHash");
        long checked = 0;
        while (true) {
            List<Document> page = template.find(new Query(where("link").gte(expected)).with(Sort.by("link"))
                    .limit(VERIFY_PAGE), Document.class, AuditTrail.COLLECTION);
            for (Document record : page) {
                long link = record.get("link", Number.class).longValue();
                String id = String.valueOf(record.get("_id"));
                if (link != expected) {
                    return broken(checked, new Broken(expected, id, "the record at place " + expected + " is missing"), base);
                }
                if (!previousHash.equals(record.getString("previousHash"))) {
                    return broken(checked, new Broken(link, id, "it does not follow the record before it"), base);
                }
                String recomputed = hash(previousHash, record, link);
                if (!recomputed.equals(record.getString("hash"))) {
                    return broken(checked, new Broken(link, id, "its content is not what was sealed"), base);
                }
                previousHash = recomputed;
                expected++;
                checked++;
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        Document head = start;
        if (head != null && head.get("link", Number.class).longValue() > base + checked) {
            return broken(checked, new Broken(base + checked + 1, null,
                    "records sealed after place " + (base + checked) + " are missing"), base);
        }
        return new Verification(checked, unsealed(), true, null, base);
    }

    private Verification broken(long checked, Broken first, long base) {
        return new Verification(checked, unsealed(), false, first, base);
    }

    private long unsealed() {
        return template.count(new Query(where("sealed").is(false)), AuditTrail.COLLECTION);
    }

    private Document atLink(long link) {
        return template.findOne(new Query(where("link").is(link)), Document.class, AuditTrail.COLLECTION);
    }

    private Document claimHead() {
        Instant now = clock.instant();
        try {
            template.insert(new Document("_id", HEAD).append("link", 0L).append("hash", ""), HEADS);
        } catch (DuplicateKeyException exists) {
            // the usual case
        }
        Update claim = new Update().set("leaseOwner", owner).set("leaseUntil", Date.from(now.plus(lease)));
        // ours already, never leased, or its lease has run out: each an atomic claim by the head's id
        for (Query free : List.of(new Query(where("_id").is(HEAD).and("leaseOwner").is(owner)),
                new Query(where("_id").is(HEAD).and("leaseUntil").is(null)),
                new Query(where("_id").is(HEAD).and("leaseUntil").lt(Date.from(now))))) {
            Document head = template.findAndModify(free, claim, FindAndModifyOptions.options().returnNew(true),
                    Document.class, HEADS);
            if (head != null) {
                return head;
            }
        }
        return null;
    }

    /**
     * SHA-256 over the previous hash, the record's place and its content, each field length-prefixed so
     * that no two different records read the same; details in key order.
     */
    static String hash(String previousHash, Document record, long link) {
        StringBuilder content = new StringBuilder();
        field(content, previousHash);
        field(content, Long.toString(link));
        field(content, String.valueOf(record.get("_id")));
        Object at = record.get("at");
        field(content, at instanceof Date date ? Long.toString(date.getTime()) : String.valueOf(at));
        for (String name : List.of("action", "resourceType", "resourceId", "actorSubject", "actorUsername",
                "actorCountry", "actorUnit", "correlationId")) {
            field(content, record.get(name) == null ? "\u0000" : record.get(name).toString());
        }
        Document details = record.get("details", Document.class);
        Map<String, Object> sorted = new TreeMap<>(details == null ? Map.of() : details);
        field(content, Integer.toString(sorted.size()));
        sorted.forEach((key, value) -> {
            field(content, key);
            field(content, String.valueOf(value));
        });
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void field(StringBuilder content, String value) {
        content.append(value.length()).append(':').append(value).append(';');
    }

    @Override
    public void start() {
        // records written before the chain existed are sealed first (at, then id order, like all others)
        template.updateMulti(new Query(where("sealed").is(null)), new Update().set("sealed", false), AuditTrail.COLLECTION);
        sealer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-sealer").daemon().factory());
        sealer.scheduleWithFixedDelay(() -> {
            try {
                // records a crash left in the changed documents join the trail first
                trail.settlePending(PENDING_GRACE);
                seal();
                Instant now = clock.instant();
                if (retention != null && Duration.between(lastPruned, now).compareTo(Duration.ofHours(1)) > 0) {
                    lastPruned = now;
                    prune(now.atZone(java.time.ZoneOffset.UTC).minus(retention).toInstant(), 10_000);
                }
            } catch (RuntimeException failure) {
                log.warn("Audit chain: sealing failed this time: {}", failure.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (sealer != null) {
            sealer.shutdownNow();
            sealer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sealer != null;
    }
}
