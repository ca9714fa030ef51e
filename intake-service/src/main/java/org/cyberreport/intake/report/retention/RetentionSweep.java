package org.cyberreport.intake.report.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.intake.report.store.ReportStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the reports whose retention has run out and that no legal hold keeps: the report and intake's
 * copy of its case go, an erasure record stays (reference, scope, when, on what basis; no content) with
 * its audit record in the same write, and its hand-off tells triage to erase the case and what it
 * derived from it. Each step can be repeated: a crash part-way is finished by the next sweep.
 */
@Component
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    /** The sweep's own name in the audit trail. */
    static final Caller RETENTION = Caller.system("retention");
    private static final int BATCH = 200;

    private final MongoTemplate template;
    private final Retention retention;
    private final Erasures erasures;
    private final AuditTrail audit;
    private final OutboxRelay erasureRelay;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    RetentionSweep(MongoTemplate template, Retention retention, Erasures erasures, AuditTrail audit,
                   @Qualifier("erasureRelay") OutboxRelay erasureRelay, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.template = template;
        this.retention = retention;
        this.erasures = erasures;
        this.audit = audit;
        this.erasureRelay = erasureRelay;
        this.clock = clock;
    }

    /** Erases what has expired; returns how many reports were erased. */
    @Scheduled(fixedDelayString = "${cyberreport.retention.sweep:PT1H}", initialDelayString = "${cyberreport.retention.first-sweep:PT1M}")
    public int sweep() {
        Instant now = clock.instant();
        int erased = 0;
        for (Document expired : retention.expired(now, BATCH)) {
            String reportId = expired.getString("_id");
            if (!retention.claimForErasure(reportId, now)) {
                continue; // a legal hold came first: kept until it is lifted
            }
            try {
                if (erase(reportId, expired.getString("basis"), now)) {
                    erased++;
                }
            } catch (RuntimeException failure) {
                log.warn("Report {} could not be erased this time: {}", reportId, failure.toString());
            }
        }
        if (erased > 0) {
            log.info("Erased {} report(s) at the end of their retention", erased);
            erasureRelay.wakeUp();
        }
        return erased;
    }

    private boolean erase(String reportId, String basis, Instant now) {
        // what is kept beside the report (its evidence files) goes first: a crash after it finds the report again next time
        events.publishEvent(new ReportErasing(reportId));
        Document report = template.findById(reportId, Document.class, ReportStore.COLLECTION);
        if (report != null) {
            // records of changes still waiting in the report join the trail before the report goes
            audit.settleAll(ReportStore.COLLECTION, report);
            AuditRecord record = audit.prepare(RETENTION, "REPORT_ERASED", "report", reportId,
                    Map.of("reference", String.valueOf(report.get("reference")), "basis", String.valueOf(basis)));
            // the erasure (with its record) first: a crash after it leaves the report to be removed next time
            if (erasures.record(report, basis, now, audit.pending(record))) {
                audit.settle(Erasures.COLLECTION, reportId, record);
            }
            template.remove(query(where("_id").is(reportId)), ReportStore.COLLECTION);
        } else if (!erasures.exists(reportId)) {
            // no report and no erasure: nothing here to erase (a report filed and withdrawn before retention existed)
            retention.erased(reportId, now);
            return false;
        }
        template.remove(query(where("_id").is(reportId)), "case_states");
        retention.erased(reportId, now);
        return report != null;
    }
}
