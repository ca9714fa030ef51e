package org.cyberreport.intake.report.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each report's retention: from when it may be erased and on what basis (its withdrawal, its case's
 * closure and outcome), and a legal hold that stops its erasure while it lasts. One document per report
 * that has an end in sight or a hold, in its own collection (the report's version is the unit's).
 */
@Component
public class Retention {

    static final String COLLECTION = "retention";

    private final MongoTemplate template;
    private final RetentionProperties properties;

    Retention(MongoTemplate template, RetentionProperties properties, AuditTrail audit) {
        this.template = template;
        this.properties = properties;
        audit.holdsPendingRecords(COLLECTION);
        // the reports whose retention has run out, oldest first
        template.indexOps(COLLECTION).createIndex(new Index().on("eligibleAt", Sort.Direction.ASC).named("eligible"));
    }

    /** The report was withdrawn: it may be erased once the withdrawn period has passed (unless a closure says later). */
    public void withdrawn(String reportId, Instant at) {
        mark(reportId, at.atZone(ZoneOffset.UTC).plus(properties.withdrawn()).toInstant(), "withdrawn");
    }

    /** The report's case was closed with an outcome: it may be erased once that outcome's period has passed. */
    public void closed(String reportId, String outcome, Instant at) {
        mark(reportId, at.atZone(ZoneOffset.UTC).plus(properties.afterClosure(outcome)).toInstant(),
                "closed:" + (outcome == null ? "unknown" : outcome));
    }

    private void mark(String reportId, Instant eligibleAt, String basis) {
        // the later end wins: a closure after a withdrawal may keep the report longer, never shorter
        Document current = find(reportId);
        if (current != null && (current.get("erasedAt") != null
                || current.getDate("eligibleAt") != null && !current.getDate("eligibleAt").toInstant().isBefore(eligibleAt))) {
            return;
        }
        template.upsert(query(where("_id").is(reportId)), new Update().set("eligibleAt", Date.from(eligibleAt)).set("basis", basis),
                COLLECTION);
    }

    /**
     * Places a legal hold, with its audit record in the same write; the report is kept until it is lifted.
     * False when the sweep has begun erasing the report (its erasure then goes on; the hold comes too late).
     */
    public boolean hold(String reportId, String by, String reason, Instant at, Document auditRecord) {
        Update hold = new Update().set("hold", new Document("by", by).append("reason", reason).append("at", Date.from(at)))
                .push(AuditTrail.PENDING, auditRecord);
        if (template.updateFirst(query(where("_id").is(reportId).and("erasing").exists(false)), hold, COLLECTION)
                .getMatchedCount() == 1) {
            return true;
        }
        if (find(reportId) != null) {
            return false; // being erased
        }
        try {
            template.insert(new Document("_id", reportId), COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // made meanwhile: the conditional update below decides
        }
        return template.updateFirst(query(where("_id").is(reportId).and("erasing").exists(false)), hold, COLLECTION)
                .getMatchedCount() == 1;
    }

    /**
     * Claims a report for erasure if no legal hold keeps it: one atomic step, so that a hold placed at the
     * same moment either comes first (and the report is kept) or finds the erasure under way.
     */
    boolean claimForErasure(String reportId, Instant now) {
        return template.updateFirst(query(where("_id").is(reportId).and("hold").exists(false)),
                new Update().set("erasing", Date.from(now)), COLLECTION).getMatchedCount() == 1;
    }

    /** Lifts a legal hold, with its audit record in the same write; false when there was none. */
    public boolean lift(String reportId, Document auditRecord) {
        return template.updateFirst(query(where("_id").is(reportId).and("hold").exists(true)),
                new Update().unset("hold").push(AuditTrail.PENDING, auditRecord), COLLECTION).getModifiedCount() == 1;
    }

    public Document find(String reportId) {
        return template.findById(reportId, Document.class, COLLECTION);
    }

    /** Reports whose retention has run out by {@code now} and that no legal hold keeps, oldest first. */
    List<Document> expired(Instant now, int limit) {
        return template.find(query(where("eligibleAt").lte(Date.from(now)).and("hold").exists(false))
                .with(Sort.by("eligibleAt")).limit(limit), Document.class, COLLECTION);
    }

    /** The report is erased: it leaves the expired ones for good. */
    void erased(String reportId, Instant at) {
        template.findAndModify(query(where("_id").is(reportId)), new Update().unset("eligibleAt").set("erasedAt", Date.from(at)),
                FindAndModifyOptions.none(), Document.class, COLLECTION);
    }
}
