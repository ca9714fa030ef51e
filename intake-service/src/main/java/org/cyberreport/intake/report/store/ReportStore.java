package org.cyberreport.intake.report.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportSlice;
import org.cyberreport.kit.audit.AuditTrail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reports in their own collection. Every write is a single-document operation (atomic on the embedded
 * server and on MongoDB alike): an insert for a new report, a compare-and-replace on the version for a
 * change, so a concurrent change is detected, never lost. Each write carries the audit record of the
 * change in the same document ({@link AuditTrail#PENDING}), so no change is stored without its record.
 */
@Component
public class ReportStore {

    public static final String COLLECTION = "reports";

    private final MongoTemplate template;

    ReportStore(MongoTemplate template, AuditTrail audit) {
        this.template = template;
        createIndexes();
        audit.holdsPendingRecords(COLLECTION);
    }

    private void createIndexes() {
        IndexOperations indexes = template.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("reference", Sort.Direction.ASC).unique().named("reference_unique"));
        indexes.createIndex(new Index().on("idempotency.subject", Sort.Direction.ASC)
                .on("idempotency.key", Sort.Direction.ASC).unique().named("idempotency_unique"));
        // The listing's order to the end (newest first, then by id), so a page is read from the index alone.
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("unit", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("scope_received_id"));
        indexes.createIndex(new Index().on("country", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("country_received_id"));
        // its forerunner, which ended at receivedAt, served no page in order
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals("scope_received"))) {
            indexes.dropIndex("scope_received");
        }
    }

    /**
     * Stores a new report with the audit record of its filing; a second report under the same caller and
     * idempotency key is refused.
     */
    public void insert(Report report, Document auditRecord) throws DuplicateKeyException {
        Document document = new Document();
        template.getConverter().write(report, document);
        document.put(AuditTrail.PENDING, List.of(auditRecord));
        template.insert(document, COLLECTION);
    }

    public Optional<Report> findById(String id) {
        return Optional.ofNullable(template.findById(id, Report.class, COLLECTION));
    }

    public Optional<Report> findByIdempotencyKey(String subject, String key) {
        return Optional.ofNullable(template.findOne(
                query(where("idempotency.subject").is(subject).and("idempotency.key").is(key)), Report.class, COLLECTION));
    }

    /**
     * Replaces the stored report, with the audit record of the change added to those it holds, only if it
     * is still at {@code expectedVersion}; false when it moved on. (A record settled in between is kept
     * again and settled again: the trail takes each record once.)
     */
    public boolean replace(Report report, long expectedVersion, Document auditRecord) {
        Query current = query(where("_id").is(report.id()).and("version").is(expectedVersion));
        current.fields().include(AuditTrail.PENDING);
        Document stored = template.findOne(current, Document.class, COLLECTION);
        if (stored == null) {
            return false;
        }
        List<Object> pending = new ArrayList<>(stored.getList(AuditTrail.PENDING, Object.class, List.of()));
        pending.add(auditRecord);
        Document replacement = new Document();
        template.getConverter().write(report, replacement);
        replacement.put(AuditTrail.PENDING, pending);
        return template.replace(query(where("_id").is(report.id()).and("version").is(expectedVersion)), replacement,
                COLLECTION).getMatchedCount() == 1;
    }

    public ReportSlice find(ReportFilter filter, int page, int size) {
        Query query = new Query(criteria(filter));
        long total = template.count(query, COLLECTION);
        query.with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("_id")))
                .skip((long) page * size).limit(size);
        List<Report> items = template.find(query, Report.class, COLLECTION);
        return new ReportSlice(items, total);
    }

    private static Criteria criteria(ReportFilter filter) {
        Criteria criteria = where("country").is(filter.country());
        if (filter.unit() != null) {
            criteria = criteria.and("unit").is(filter.unit());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        if (filter.category() != null) {
            criteria = criteria.and("content.category").is(filter.category().name());
        }
        if (filter.receivedFrom() != null || filter.receivedTo() != null) {
            Criteria received = criteria.and("receivedAt");
            if (filter.receivedFrom() != null) {
                received = received.gte(filter.receivedFrom());
            }
            if (filter.receivedTo() != null) {
                received = received.lt(filter.receivedTo());
            }
        }
        return criteria;
    }
}
