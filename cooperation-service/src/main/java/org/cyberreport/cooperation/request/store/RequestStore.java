package org.cyberreport.cooperation.request.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Requests, with their forwarding outbox entry in the same document; changes compare the version. */
@Component
public class RequestStore {

    public static final String COLLECTION = "requests";

    private final MongoTemplate template;
    private final List<RequestWritten> listeners;

    RequestStore(MongoTemplate template, List<RequestWritten> listeners, AuditTrail audit) {
        this.template = template;
        this.listeners = List.copyOf(listeners);
        // a creation or change is stored with its audit record (settled into the trail at once, or after a crash)
        audit.holdsPendingRecords(COLLECTION);
        // the retention: requests closed in a state (or drafts made) before a moment, oldest first
        template.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("closedAt", Sort.Direction.ASC).named("status_closed"));
        template.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("status_created"));
        template.indexOps(COLLECTION).createIndex(new Index().on("destinationCountry", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("inbox"));
        // each list's page in its own order, read from the index: the inbox by due time, the requesting side newest first
        template.indexOps(COLLECTION).createIndex(new Index().on("destinationCountry", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("inbox_due"));
        template.indexOps(COLLECTION).createIndex(new Index().on("requestingCountry", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("outbox_created"));
        template.indexOps(COLLECTION).createIndex(new Index().on("type", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).named("type_status"));
        template.indexOps(COLLECTION).createIndex(new Index().on("sentAt", Sort.Direction.ASC).named("sent"));
        // the requests coming due, in due order whatever their destination: the due-time notices read a page at a time
        template.indexOps(COLLECTION).createIndex(new Index().on("dueAt", Sort.Direction.ASC).named("due"));
        // answers whose onward payment stops are still to be drafted (a crash came between the two)
        template.indexOps(COLLECTION).createIndex(new Index().on("followUpsPending", Sort.Direction.ASC).named("follow_ups_pending"));
        // granted preservations by the day they end: the countdown's reminders and extensions
        template.indexOps(COLLECTION).createIndex(new Index().on("preservedUntil", Sort.Direction.ASC).named("preserved_until"));
        // the requests sent about one case, newest first: what the case shows of its requests abroad
        template.indexOps(COLLECTION).createIndex(new Index().on("requestingCountry", Sort.Direction.ASC)
                .on("caseId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("case_requests"));
    }

    /** Told of every request this store wrote, after the write (notices follow the request's state from there). */
    public interface RequestWritten {
        void written(CooperationRequest written);
    }

    private void written(CooperationRequest written) {
        listeners.forEach(listener -> listener.written(written));
    }

    /**
     * Requests to any country due in a period, a page in due order walked on the {@code due} index. (Through
     * the inbox's index, its country taken as a list of every one, all requests due in the period would be
     * read before the sort cut the page.)
     */
    public List<CooperationRequest> dueBetween(Instant from, Instant to, int limit) {
        return template.find(new Query(where("dueAt").gt(from).lte(to)).with(Sort.by("dueAt")).limit(limit),
                CooperationRequest.class, COLLECTION);
    }

    /** Requests sent in a period, by the {@code sent} index. */
    public List<CooperationRequest> sentBetween(Instant from, Instant to, int limit) {
        return template.find(new Query(where("sentAt").gt(from).lte(to)).with(Sort.by("sentAt")).limit(limit),
                CooperationRequest.class, COLLECTION);
    }

    public Optional<CooperationRequest> find(String id) {
        return Optional.ofNullable(template.findById(id, CooperationRequest.class, COLLECTION));
    }

    /** False when a request with this id exists already (a repeated escalation). */
    public boolean insert(CooperationRequest request, Document auditRecord) {
        request.stored();
        Document document = new Document();
        template.getConverter().write(request, document);
        // the audit record of the creation, in the same write (AuditTrail#settle moves it into the trail)
        document.put(AuditTrail.PENDING, List.of(auditRecord));
        try {
            template.insert(document, COLLECTION);
            written(request);
            return true;
        } catch (DuplicateKeyException twin) {
            return false;
        }
    }

    /**
     * Writes a change of the request if nobody changed it since it was read. The forwarding entry is
     * the relay's: it is written only when the change created it (sending a draft), never copied back
     * from a stale read over the relay's lease and delivery state. The same holds for the reply to a
     * partner's platform, written by the liaison's action that queues it.
     */
    public boolean replace(CooperationRequest request, boolean withForwarding) {
        return replace(request, withForwarding, null);
    }

    /** The same, with the audit record of the change added to the request in the same write (when not null). */
    public boolean replace(CooperationRequest request, boolean withForwarding, Document auditRecord) {
        long expected = request.version();
        request.stored();
        Document changed = new Document();
        template.getConverter().write(request, changed);
        changed.remove("_class");
        Update update = new Update();
        changed.forEach((field, value) -> {
            // the hand-offs are the relays': written only by the change that queues them
            if (!field.equals("_id") && (withForwarding || !field.equals("forwarding"))
                    && (request.replyQueued() || !field.equals("reply"))) {
                update.set(field, value);
            }
        });
        if (auditRecord != null) {
            update.push(AuditTrail.PENDING, auditRecord);
        }
        boolean replaced = template.updateFirst(query(where("_id").is(request.id()).and("version").is(expected)), update,
                COLLECTION).getModifiedCount() == 1;
        if (replaced) {
            written(request);
        }
        return replaced;
    }

    /** Granted preservations that end after {@code from} and no later than {@code to}, soonest first. */
    public List<CooperationRequest> preservationsEndingBetween(Instant from, Instant to, int limit) {
        return template.find(query(where("preservedUntil").gt(Date.from(from)).lte(Date.from(to)))
                .with(Sort.by("preservedUntil")).limit(limit), CooperationRequest.class, COLLECTION);
    }

    /** Answered payment stops whose onward stops are still to be drafted. */
    public List<CooperationRequest> followUpsPending(int limit) {
        return template.find(query(where("followUpsPending").is(true)).limit(limit), CooperationRequest.class, COLLECTION);
    }

    /** The answer's onward stops are drafted: it waits for nothing more (the version is the relay's and the desk's). */
    public void followUpsDrafted(String id) {
        template.updateFirst(query(where("_id").is(id)), new Update().set("followUpsPending", false), COLLECTION);
    }

    /** Requests in a final state closed before a moment, oldest first (the retention's candidates). */
    public List<Document> closedBefore(String status, Instant before, int limit) {
        return template.find(new Query(where("status").is(status).and("closedAt").lt(Date.from(before)))
                .with(Sort.by("closedAt")).limit(limit), Document.class, COLLECTION);
    }

    /** Drafts made before a moment and never sent, oldest first. */
    public List<Document> draftsBefore(Instant before, int limit) {
        return template.find(new Query(where("status").is("DRAFT").and("createdAt").lt(Date.from(before)))
                .with(Sort.by("createdAt")).limit(limit), Document.class, COLLECTION);
    }

    /** Removes an erased request. */
    public void delete(String id) {
        template.remove(new Query(where("_id").is(id)), COLLECTION);
    }

    public List<CooperationRequest> addressedTo(String country, int page, int size) {
        return template.find(new Query(where("destinationCountry").is(country).and("status").ne("DRAFT"))
                .with(Sort.by(Sort.Order.asc("dueAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size),
                CooperationRequest.class, COLLECTION);
    }

    /** The requests a country sent (or drafted) about one of its cases, newest first. */
    public List<CooperationRequest> requestedAbout(String country, String caseId, int limit) {
        return template.find(new Query(where("requestingCountry").is(country).and("caseId").is(caseId))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(limit), CooperationRequest.class, COLLECTION);
    }

    /** The stored documents of the requests a country made about one of its cases (to erase them with it). */
    public List<Document> aboutCase(String country, String caseId, int limit) {
        return template.find(new Query(where("requestingCountry").is(country).and("caseId").is(caseId))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(limit), Document.class, COLLECTION);
    }

    public List<CooperationRequest> requestedBy(String country, int page, int size) {
        return template.find(new Query(where("requestingCountry").is(country))
                .with(Sort.by(Sort.Order.desc("createdAt"))).skip((long) page * size).limit(size), CooperationRequest.class, COLLECTION);
    }

    /** The requests sent since a moment (drafts have not been sent): by index, bounded by the period. */
    public List<CooperationRequest> sentSince(Instant since) {
        return template.find(new Query(where("sentAt").gte(since)), CooperationRequest.class, COLLECTION);
    }

    public List<CooperationRequest> preservationsOpen() {
        return template.find(new Query(where("type").is("PRESERVATION").and("status").in("SENT", "ACKNOWLEDGED")),
                CooperationRequest.class, COLLECTION);
    }
}
