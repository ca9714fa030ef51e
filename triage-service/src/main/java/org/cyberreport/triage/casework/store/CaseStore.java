package org.cyberreport.triage.casework.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.triage.casework.CaseSlice;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.scoring.Level;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Cases, one document per report ({@code _id} is the report's id, so a report can never become two
 * cases). Changes are compare-and-replace on the case's version.
 */
@Component
public class CaseStore {

    public static final String COLLECTION = "cases";

    private final MongoTemplate template;
    private final List<CaseWritten> listeners;

    CaseStore(MongoTemplate template, List<CaseWritten> listeners, AuditTrail audit) {
        this.template = template;
        this.listeners = List.copyOf(listeners);
        // an officer's change is stored with its audit record (TriageCase#holdAuditRecord)
        audit.holdsPendingRecords(COLLECTION);
        template.indexOps(COLLECTION).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("level", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC)
                .named("queue"));
        // the queue of every status: a page in the queue's order (level, due time, id) read from the index alone
        template.indexOps(COLLECTION).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("level", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                .named("queue_all_levels"));
        // the cases flagged for the unit that handles trafficking, in the queue's order
        template.indexOps(COLLECTION).createIndex(new Index().on("country", Sort.Direction.ASC)
                .on("trafficking.flagged", Sort.Direction.ASC).on("level", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("queue_trafficking"));
        // a cluster's members in id order, a page at a time (the members' re-scoring walks it)
        template.indexOps(COLLECTION).createIndex(new Index().on("clusterId", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("cluster_members"));
        template.indexOps(COLLECTION).createIndex(new Index().on("priority.rescoreAt", Sort.Direction.ASC)
                .named("rescore"));
        // the cases changed in a period: the notices' sweep reads each change once after the fact
        template.indexOps(COLLECTION).createIndex(new Index().on("updatedAt", Sort.Direction.ASC).named("updated"));
        // the open cases coming due, in due order whatever their country: the due-time notices read a page at a time
        template.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("open_due"));
        // the queue's figures for the operators' metrics: open cases by status and level, and of those the overdue
        template.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("level", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("status_level"));
    }

    /** Told of every case this store wrote, after the write (notices follow the case's state from there). */
    public interface CaseWritten {
        void written(TriageCase written);
    }

    private void written(TriageCase written) {
        listeners.forEach(listener -> listener.written(written));
    }

    /** Open cases whose due time lies in a period, in every country, earliest first: a page on the {@code open_due} index. */
    public List<TriageCase> openDueBetween(Instant from, Instant to, int limit) {
        // One walk of the index per open status, each in due order and cut at the page; the page is the first
        // of both. (One query for both statuses, or for every country through the queue's index, would read
        // every case due in the period before sorting them: at a year's volume, thousands per page.)
        List<TriageCase> due = new ArrayList<>();
        for (CaseStatus open : List.of(CaseStatus.NEW, CaseStatus.IN_PROGRESS)) {
            Query page = query(where("status").is(open.name()).and("dueAt").gt(Date.from(from)).lte(Date.from(to)))
                    .with(Sort.by("dueAt")).limit(limit);
            withNoticeFields(page);
            due.addAll(template.find(page, TriageCase.class, COLLECTION));
        }
        due.sort(Comparator.comparing(TriageCase::dueAt));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
    }

    /** Cases changed in a period, oldest change first, with what notices are made of. */
    public List<TriageCase> changedBetween(Instant from, Instant to, int limit) {
        Query changed = query(where("updatedAt").gt(Date.from(from)).lte(Date.from(to))).with(Sort.by("updatedAt"))
                .limit(limit);
        withNoticeFields(changed);
        return template.find(changed, TriageCase.class, COLLECTION);
    }

    private static void withNoticeFields(Query query) {
        query.fields().include("_id", "reference", "country", "unit", "filedBy", "receivedAt", "reportVersion",
                "category", "level", "dueAt", "status", "claimedBy", "closure", "history", "version", "updatedAt");
    }

    /** How many cases, in every country, are in a status at a level: by the {@code status_level} index. */
    public long count(CaseStatus status, Level level) {
        return template.count(query(where("status").is(status.name()).and("level").is(level.name())), COLLECTION);
    }

    /** How many of those were due before a moment: by the same index. */
    public long countDueBefore(CaseStatus status, Level level, Instant moment) {
        return template.count(query(where("status").is(status.name()).and("level").is(level.name())
                .and("dueAt").lt(Date.from(moment))), COLLECTION);
    }

    /** Open cases whose score a time-bound factor has changed since they were scored: by index. */
    public List<String> dueForRescoring(Instant now, int limit) {
        Query due = query(where("priority.rescoreAt").lte(Date.from(now)).and("status").ne(CaseStatus.CLOSED.name()))
                .with(Sort.by("priority.rescoreAt")).limit(limit);
        due.fields().include("_id");
        return template.find(due, Document.class, COLLECTION).stream().map(found -> found.getString("_id")).toList();
    }

    /** Removes an erased case. */
    public void delete(String id) {
        template.remove(query(where("_id").is(id)), COLLECTION);
    }

    public Optional<TriageCase> find(String id) {
        return Optional.ofNullable(template.findById(id, TriageCase.class, COLLECTION));
    }

    public List<TriageCase> findAll(Collection<String> ids) {
        return template.find(query(where("_id").in(ids)), TriageCase.class, COLLECTION);
    }

    /** Stores a new case; false when the report already is a case (a concurrent delivery won). */
    public boolean insert(TriageCase opened) {
        opened.stored();
        try {
            template.insert(opened, COLLECTION);
            written(opened);
            return true;
        } catch (DuplicateKeyException twin) {
            return false;
        }
    }

    /** Replaces the case if nobody changed it since it was read; false otherwise. */
    public boolean replace(TriageCase changed) {
        long expected = changed.version();
        changed.stored();
        boolean replaced = template.findAndReplace(query(where("_id").is(changed.id()).and("version").is(expected)),
                changed, FindAndReplaceOptions.none(), TriageCase.class, COLLECTION) != null;
        if (replaced) {
            written(changed);
        }
        return replaced;
    }

    /**
     * Replaces several cases at once (one round trip), each only if nobody changed it since it was read;
     * false when some changed meanwhile and were not replaced (the caller reads those again).
     */
    public boolean replaceAll(List<TriageCase> changed) {
        if (changed.isEmpty()) {
            return true;
        }
        BulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, TriageCase.class, COLLECTION);
        for (TriageCase triageCase : changed) {
            long expected = triageCase.version();
            triageCase.stored();
            bulk.replaceOne(query(where("_id").is(triageCase.id()).and("version").is(expected)), triageCase);
        }
        boolean all = bulk.execute().getMatchedCount() == changed.size();
        if (all) {
            changed.forEach(this::written);
        }
        return all;
    }

    public CaseSlice queue(QueueFilter filter, int page, int size) {
        Criteria criteria = where("country").is(filter.country());
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        if (filter.level() != null) {
            criteria = criteria.and("level").is(filter.level().name());
        }
        if (filter.category() != null) {
            criteria = criteria.and("category").is(filter.category());
        }
        if (filter.claimedBy() != null) {
            criteria = criteria.and("claimedBy.subject").is(filter.claimedBy());
        }
        if (filter.trafficking()) {
            criteria = criteria.and("trafficking.flagged").is(true);
        }
        Query query = new Query(criteria);
        long total = template.count(query, COLLECTION);
        query.with(Sort.by(Sort.Order.asc("level"), Sort.Order.asc("dueAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return new CaseSlice(template.find(query, TriageCase.class, COLLECTION), total);
    }

    public List<TriageCase> inCluster(String clusterId) {
        return template.find(query(where("clusterId").is(clusterId)), TriageCase.class, COLLECTION);
    }

    /** Up to {@code limit} members of a cluster whose id follows {@code after}: a page of the index. */
    public List<TriageCase> inCluster(String clusterId, String after, int limit) {
        Criteria members = where("clusterId").is(clusterId);
        if (after != null) {
            members = members.and("_id").gt(after);
        }
        return template.find(query(members).with(Sort.by("_id")).limit(limit), TriageCase.class, COLLECTION);
    }

    public record QueueFilter(String country, CaseStatus status, Level level, String category, String claimedBy,
                              boolean trafficking) {
        public QueueFilter(String country, CaseStatus status, Level level, String category, String claimedBy) {
            this(country, status, level, category, claimedBy, false);
        }
    }
}
