package org.cyberreport.cooperation.request.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases cross-border requests at the end of their retention, by their state: a request answered,
 * refused, expired or withdrawn once its period after closing has passed, a draft never sent once its
 * period after creation has passed; open requests are kept. An erasure record stays (the request's id,
 * type, the two countries, its state, when and on what basis; no content) with its audit record in the
 * same write, then the request goes. A crash part-way is finished by the next sweep.
 */
@Component
@EnableConfigurationProperties(RequestRetention.Periods.class)
public class RequestRetention {

    static final String ERASURES = "request_erasures";
    private static final Logger log = LoggerFactory.getLogger(RequestRetention.class);
    private static final Caller RETENTION = Caller.system("retention");
    private static final List<String> FINAL = List.of("ANSWERED", "REFUSED", "EXPIRED", "WITHDRAWN");
    private static final int BATCH = 200;

    /** How long requests are kept, by state (after closing; drafts after their creation). */
    @ConfigurationProperties("cyberreport.retention.requests")
    public record Periods(Map<String, Period> byState) {

        public Periods {
            byState = byState == null ? Map.of() : Map.copyOf(byState);
        }
    }

    private final RequestStore store;
    private final MongoTemplate template;
    private final AuditTrail audit;
    private final Periods periods;
    private final Clock clock;

    RequestRetention(RequestStore store, MongoTemplate template, AuditTrail audit, Periods periods, Clock clock) {
        this.store = store;
        this.template = template;
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
        audit.holdsPendingRecords(ERASURES);
    }

    /** Erases the requests past their retention; returns how many. */
    @Scheduled(fixedDelayString = "${cyberreport.retention.sweep:PT1H}", initialDelayString = "${cyberreport.retention.first-sweep:PT1M}")
    public int sweep() {
        Instant now = clock.instant();
        int erased = 0;
        for (String state : FINAL) {
            Period period = periods.byState().get(state);
            if (period != null) {
                for (Document request : store.closedBefore(state, before(now, period), BATCH)) {
                    erased += erase(request, "closed:" + state, now);
                }
            }
        }
        Period drafts = periods.byState().get("DRAFT");
        if (drafts != null) {
            for (Document request : store.draftsBefore(before(now, drafts), BATCH)) {
                erased += erase(request, "draft", now);
            }
        }
        if (erased > 0) {
            log.info("Erased {} request(s) at the end of their retention", erased);
        }
        return erased;
    }

    /**
     * Erases the requests made about a case that triage erased (they hold copies of its identifiers and
     * facts), whatever their state: the erasure records stay, the audit trail keeps the disclosures. Erasing
     * twice changes nothing; returns how many went.
     */
    public int eraseCase(String requestingCountry, String caseId) {
        Instant now = clock.instant();
        int erased = 0;
        List<Document> requests;
        do {
            requests = store.aboutCase(requestingCountry, caseId, BATCH);
            int before = erased;
            for (Document request : requests) {
                erased += erase(request, "case-erased", now);
            }
            if (erased == before) {
                break; // none could go this time: the relay tries again later
            }
        } while (requests.size() == BATCH);
        if (erased > 0) {
            log.info("Erased {} request(s) with their case", erased);
        }
        return erased;
    }

    /** Whether requests about a case are still stored (its erasure is then not finished). */
    public boolean holdsCase(String requestingCountry, String caseId) {
        return !store.aboutCase(requestingCountry, caseId, 1).isEmpty();
    }

    private static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private int erase(Document request, String basis, Instant now) {
        String id = request.getString("_id");
        try {
            AuditRecord record = audit.prepare(RETENTION, "REQUEST_ERASED", "request", id, Map.of("basis", basis,
                    "type", String.valueOf(request.get("type")), "destination", String.valueOf(request.get("destinationCountry"))));
            Document erasure = new Document("_id", id).append("type", request.get("type"))
                    .append("requestingCountry", request.get("requestingCountry"))
                    .append("destinationCountry", request.get("destinationCountry")).append("status", request.get("status"))
                    .append("basis", basis).append("erasedAt", Date.from(now))
                    .append(AuditTrail.PENDING, List.of(audit.pending(record)));
            boolean first = true;
            try {
                template.insert(erasure, ERASURES);
            } catch (DuplicateKeyException before) {
                first = false; // recorded before a crash: only the request is left to remove
            }
            audit.settleAll(RequestStore.COLLECTION, request); // records of changes still in the request
            // the descriptions of the evidence files it carried go first (by the request_files index)
            template.remove(new org.springframework.data.mongodb.core.query.Query(
                    org.springframework.data.mongodb.core.query.Criteria.where("requestId").is(id)), "request_files");
            store.delete(id);
            if (first) {
                audit.settle(ERASURES, id, record);
            }
            return 1;
        } catch (RuntimeException failure) {
            log.warn("Request {} could not be erased this time: {}", id, failure.toString());
            return 0;
        }
    }
}
