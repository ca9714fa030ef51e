package org.cyberreport.triage.casework.desk;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.Handoff;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.Correlator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Erases a case when intake erased its report at the end of its retention: the case, what correlation
 * derived from it (its indicators' memberships, an identifier no other case names, its place in a
 * cluster, which is recounted) and the escalations made from it. A tombstone remembers the erasure, with
 * its audit record in the same write, so that an older version of the report arriving late does not
 * open the case again; the tombstone also carries the hand-off that tells cooperation to erase the requests
 * made about the case. Erasing twice changes nothing.
 */
@Component
public class CaseErasure {

    public static final String ERASED = "erased_reports";
    private static final String ESCALATIONS = "escalations";
    private static final Logger log = LoggerFactory.getLogger(CaseErasure.class);
    private static final Caller INTAKE = new Caller("service-account-intake-service", "intake-service", Set.of("service"),
            null, null, "intake-service");

    private final MongoTemplate template;
    private final CaseStore cases;
    private final Correlator correlator;
    private final AuditTrail audit;
    private final Clock clock;

    CaseErasure(MongoTemplate template, CaseStore cases, Correlator correlator, AuditTrail audit, Clock clock) {
        this.template = template;
        this.cases = cases;
        this.correlator = correlator;
        this.audit = audit;
        this.clock = clock;
        audit.holdsPendingRecords(ERASED);
        // the escalations of a case, to erase them with it
        template.indexOps(ESCALATIONS).createIndex(new Index().on("caseId", Sort.Direction.ASC).named("case"));
    }

    /** What cooperation receives of an erased case: which case, of which country, and when; nothing else. */
    public static Object message(Document tombstone) {
        Date erasedAt = tombstone.getDate("erasedAt");
        return new ErasedCase(tombstone.getString("_id"), tombstone.getString("reference"), tombstone.getString("country"),
                erasedAt == null ? null : erasedAt.toInstant());
    }

    /** The body of an erasure's hand-off to cooperation. */
    public record ErasedCase(String caseId, String caseReference, String country, Instant erasedAt) {
    }

    public boolean isErased(String reportId) {
        return template.exists(query(where("_id").is(reportId)), ERASED);
    }

    /** Erases the case of an erased report; returns whether there was a case to erase. */
    public boolean erase(String reportId, String reference, String country, long version) {
        AuditRecord record = audit.prepare(INTAKE, "CASE_ERASED", "case", reportId,
                Map.of("reference", String.valueOf(reference), "reportVersion", String.valueOf(version)));
        boolean first;
        Instant now = clock.instant();
        Document handoff = new Document();
        template.getConverter().write(Handoff.pending(version, now), handoff);
        handoff.remove("_class");
        try {
            template.insert(new Document("_id", reportId).append("reference", reference).append("country", country)
                    .append("version", version).append("erasedAt", Date.from(now))
                    .append(AuditTrail.PENDING, List.of(audit.pending(record))).append("handoff", handoff), ERASED);
            first = true;
        } catch (DuplicateKeyException before) {
            first = false;
        }
        // the tombstone first: a version being received now either finds it, or opened the case before this
        // looks for it (CaseIntake looks again after opening one)
        Optional<TriageCase> found = cases.find(reportId);
        found.ifPresent(erased -> {
            Document stored = template.findById(erased.id(), Document.class, CaseStore.COLLECTION);
            if (stored != null) {
                audit.settleAll(CaseStore.COLLECTION, stored); // records of officers' changes still in the case
            }
            cases.delete(erased.id());
            correlator.forget(erased.id(), erased.indicatorKeys(), erased.clusterId());
            // an administrator's re-drive record still in an escalation joins the trail before the escalation goes
            for (Document escalation : template.find(query(where("caseId").is(erased.id()).and(AuditTrail.PENDING).exists(true)),
                    Document.class, ESCALATIONS)) {
                audit.settleAll(ESCALATIONS, escalation);
            }
            template.remove(query(where("caseId").is(erased.id())), ESCALATIONS);
            log.info("Case {} erased with its report", erased.reference());
        });
        if (first) {
            audit.settle(ERASED, reportId, record);
        }
        return found.isPresent();
    }
}
