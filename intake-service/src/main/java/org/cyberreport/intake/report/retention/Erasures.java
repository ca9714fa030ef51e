package org.cyberreport.intake.report.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.intake.report.handoff.ReportHandoffMessage;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.Handoff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What is left of an erased report: its id, reference, scope, when and why it was erased, and the
 * hand-off that tells triage to erase what it derived from the report (its case, its links). No content.
 */
@Component
public class Erasures {

    public static final String COLLECTION = "erasures";

    private final MongoTemplate template;

    Erasures(MongoTemplate template, AuditTrail audit) {
        this.template = template;
        // the erasure's audit record is written with it (AuditTrail#settle moves it into the trail)
        audit.holdsPendingRecords(COLLECTION);
    }

    /** Records an erasure, with its audit record and its hand-off to triage; false when it was recorded before. */
    boolean record(Document report, String basis, Instant now, Document auditRecord) {
        long version = report.get("version", Number.class).longValue() + 1;
        Document erasure = new Document("_id", report.get("_id")).append("reference", report.get("reference"))
                .append("country", report.get("country")).append("unit", report.get("unit"))
                .append("version", version).append("basis", basis).append("erasedAt", Date.from(now))
                .append(AuditTrail.PENDING, List.of(auditRecord));
        Document handoff = new Document();
        template.getConverter().write(Handoff.pending(version, now), handoff);
        handoff.remove("_class");
        erasure.append("handoff", handoff);
        try {
            template.insert(erasure, COLLECTION);
            return true;
        } catch (DuplicateKeyException before) {
            return false;
        }
    }

    boolean exists(String reportId) {
        return template.exists(query(where("_id").is(reportId)), COLLECTION);
    }

    /** The message triage receives for an erasure: the report's identity, its next version, status ERASED, no content. */
    public static ReportHandoffMessage message(Document erasure) {
        Date erasedAt = erasure.getDate("erasedAt");
        return new ReportHandoffMessage(erasure.getString("_id"), erasure.getString("reference"),
                erasure.get("version", Number.class).longValue(), "ERASED", erasure.getString("country"),
                erasure.getString("unit"), null, null, erasedAt == null ? null : erasedAt.toInstant(), null, null);
    }
}
