package org.cyberreport.kit.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.cyberreport.kit.problem.ProblemResponses;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.web.StatedPurpose;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit log of a service, in its own collection. It offers no way to change a record's content: the
 * chain ({@link AuditChain}) adds a record's place and hashes once, and erases the oldest at the end of
 * their retention; whatever else changes a record breaks the chain at that record.
 */
public final class AuditTrail {

    public static final String COLLECTION = "audit_log";

    private final MongoTemplate template;
    private final Clock clock;
    private final java.util.Set<String> pendingIn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public AuditTrail(MongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
        // a record's history, oldest first: what an auditor or a test asks of the log
        template.indexOps(COLLECTION).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("resource_at"));
        // the auditors' filters: by user, by action, by time alone
        template.indexOps(COLLECTION).createIndex(new Index().on("actorUsername", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("user_at"));
        template.indexOps(COLLECTION).createIndex(new Index().on("action", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("action_at"));
        template.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC).named("at"));
    }

    /** What an auditor asks of the trail; every part optional. */
    public record Filter(String user, String record, String action, Instant from, Instant to) {
    }

    /**
     * The records that match, newest first, at most {@code limit}; read through the index of the most
     * selective part given (the record, the user, the action, else the time).
     */
    public List<AuditRecord> find(Filter filter, int limit) {
        Criteria criteria = new Criteria();
        if (filter.record() != null) {
            criteria = criteria.and("resourceId").is(filter.record());
        }
        if (filter.user() != null) {
            criteria = criteria.and("actorUsername").is(filter.user());
        }
        if (filter.action() != null) {
            criteria = criteria.and("action").is(filter.action());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = criteria.and("at");
            if (filter.from() != null) {
                at = at.gte(Date.from(filter.from()));
            }
            if (filter.to() != null) {
                at = at.lt(Date.from(filter.to()));
            }
        } else if (filter.record() == null && filter.user() == null && filter.action() == null) {
            criteria = criteria.and("at").lte(Date.from(clock.instant().plusSeconds(60)));
        }
        return template.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit),
                AuditRecord.class, COLLECTION);
    }

    /**
     * A record of a change, made but not yet in the trail: the caller stores {@link #pending} of it in the
     * changed document, in the same write as the change, and then {@link #settle}s it. A change is then
     * never stored without its record: a crash before the settling leaves the record in the document, and
     * {@link #settlePending} moves it into the trail at the next pass.
     */
    public AuditRecord prepare(Caller caller, String action, String resourceType, String resourceId,
                               Map<String, String> details) {
        return new AuditRecord(UUID.randomUUID().toString(), clock.instant(), action, resourceType,
                resourceId, caller.subject(), caller.username(), caller.country(), caller.unit(),
                MDC.get(ProblemResponses.CORRELATION_ID_MDC), withPurpose(caller, details), false, null, null, null);
    }

    /**
     * Every record says why (Directive 2016/680, Art. 25): the purpose the action states itself (an
     * identifier lookup requires one), else the one the caller stated in {@code X-Purpose} ({@link StatedPurpose}), else
     * the task the caller's role is given on this platform.
     */
    static Map<String, String> withPurpose(Caller caller, Map<String, String> details) {
        if (details.containsKey("purpose")) {
            return Map.copyOf(details);
        }
        Map<String, String> all = new java.util.HashMap<>(details);
        String stated = statedPurpose();
        all.put("purpose", stated != null ? stated : taskOf(caller));
        if (stated != null) {
            all.put("purposeStatedBy", "caller");
        }
        return Map.copyOf(all);
    }

    private static String statedPurpose() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            String stated = attributes.getRequest().getHeader(StatedPurpose.HEADER);
            if (stated != null) {
                try {
                    return StatedPurpose.decode(stated); // refused with 400 when the request came in, if unreadable
                } catch (IllegalArgumentException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    static String taskOf(Caller caller) {
        if (caller.subject() != null && caller.subject().startsWith("system:")) {
            return "scheduled processing by the platform (" + caller.username() + ")";
        }
        if (caller.hasRole(Caller.AUDITOR)) {
            return "lawfulness check by an auditor";
        }
        if (caller.hasRole(Caller.ADMIN)) {
            return "administration of the platform";
        }
        if (caller.hasRole(Caller.TRIAGE_SUPERVISOR) || caller.hasRole(Caller.TRIAGE_OFFICER)) {
            return "triage of the country's reports";
        }
        if (caller.hasRole(Caller.LIAISON)) {
            return "cross-border cooperation: requests addressed to the country";
        }
        if (caller.hasRole(Caller.REPORTER)) {
            return "the filing unit's handling of its own reports";
        }
        if (caller.hasRole(Caller.SERVICE)) {
            return "processing between the platform's services";
        }
        return "unspecified";
    }

    /** The field of a changed document that holds its records not yet in the trail. */
    public static final String PENDING = "pendingAudit";

    /** A prepared record as it is kept in the changed document, under {@link #PENDING}. */
    public Document pending(AuditRecord record) {
        Document document = new Document();
        template.getConverter().write(record, document);
        document.remove("_class");
        return document;
    }

    /** Adds a prepared record to an update of the changed document: the change and its record in one write. */
    public Update holding(Update update, AuditRecord record) {
        return update.push(PENDING, pending(record));
    }

    /** Declares a collection whose documents may hold pending records (an index finds those left behind). */
    public void holdsPendingRecords(String collection) {
        template.indexOps(collection).createIndex(new Index().on(PENDING + ".at", Sort.Direction.ASC).named("pending_audit"));
        pendingIn.add(collection);
    }

    /** Moves a pending record of one document into the trail: written once whatever happens, then removed there. */
    public void settle(String collection, Object documentId, AuditRecord record) {
        settle(collection, documentId, pending(record));
    }

    private void settle(String collection, Object documentId, Document pending) {
        try {
            template.insert(new Document(pending), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // settled before (by another pass, or before a crash that kept it in the document)
        }
        template.updateFirst(new Query(where("_id").is(documentId)),
                new Update().pull(PENDING, new Document("_id", pending.get("_id"))), collection);
    }

    /** Settles every record a document still holds, whatever its age (before the document is erased). */
    public void settleAll(String collection, Document changed) {
        for (Object pending : changed.getList(PENDING, Object.class, List.of())) {
            if (pending instanceof Document record) {
                settle(collection, changed.get("_id"), record);
            } else if (pending instanceof Map<?, ?> record) {
                settle(collection, changed.get("_id"), new Document(castMap(record)));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /**
     * Settles the records left in the declared collections' documents for longer than {@code grace}
     * (the change's own request settles its record at once; this is for those a crash interrupted).
     */
    public int settlePending(Duration grace) {
        int settled = 0;
        Date before = Date.from(clock.instant().minus(grace));
        for (String collection : pendingIn) {
            for (Document changed : template.find(new Query(where(PENDING + ".at").lte(before)).limit(500), Document.class,
                    collection)) {
                for (Object pending : changed.getList(PENDING, Object.class, List.of())) {
                    if (pending instanceof Document record && record.get("at") instanceof Date at && !at.after(before)) {
                        settle(collection, changed.get("_id"), record);
                        settled++;
                    }
                }
            }
        }
        return settled;
    }

    /** Writes a record of something that changes no document (a consultation, a listing, a disclosure). */
    public AuditRecord record(Caller caller, String action, String resourceType, String resourceId,
                              Map<String, String> details) {
        return template.insert(prepare(caller, action, resourceType, resourceId, details), COLLECTION);
    }
}
