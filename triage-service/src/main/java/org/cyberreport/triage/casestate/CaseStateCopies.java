package org.cyberreport.triage.casestate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends intake, for each case, what the filing unit may see of it (reference, level, status, outcome),
 * so that the reporter's view shows it without intake ever calling triage. A pass every second reads
 * the cases written since the last one, a few seconds behind (the {@code updated} index), keeps those
 * whose copy would change (the last copy sent is kept in {@code case_states}), and puts them on intake
 * a page per call; the watermark moves only once intake took the page, so a failure or a crash sends
 * the page again at the next pass (intake keeps the newest version of each case, whatever arrives
 * twice or late). While intake's breaker is open a pass reads nothing.
 */
@Component
public class CaseStateCopies {

    static final String COLLECTION = "case_states";
    private static final String WATERMARKS = "case_state_watermarks";
    private static final String CASES = "cases";
    private static final int PAGE = 500;
    private static final int MAX_PAGES = 20;

    private static final Logger log = LoggerFactory.getLogger(CaseStateCopies.class);

    private final MongoTemplate template;
    private final Clock clock;
    private final IntakeCaseStates intake;
    private final IntakeCaseStates.Properties properties;

    CaseStateCopies(MongoTemplate template, Clock clock, IntakeCaseStates intake, IntakeCaseStates.Properties properties) {
        // the cases are read by the case store's "updated" index
        this.template = template;
        this.clock = clock;
        this.intake = intake;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${cyberreport.relay.case-state-check:PT1S}", initialDelayString = "PT2S")
    void scheduledPass() {
        if (!properties.enabled()) {
            return;
        }
        try {
            pass();
        } catch (RuntimeException failure) {
            log.info("Case states not sent to intake this time (they will be at the next pass): {}", failure.toString());
        }
    }

    /** Sends the copies of the cases written since the last pass that changed; how many were sent. */
    public int pass() {
        if (!intake.mayCall()) {
            return 0;
        }
        Instant until = clock.instant().minus(properties.sweepLag());
        Instant from = watermark();
        int sent = 0;
        for (int page = 0; page < MAX_PAGES && from.isBefore(until); page++) {
            Query written = query(where("updatedAt").gt(Date.from(from)).lte(Date.from(until))).with(Sort.by("updatedAt"))
                    .limit(PAGE);
            written.fields().include("_id", "reference", "level", "status", "closure", "version", "updatedAt");
            List<Document> found = template.find(written, Document.class, CASES);
            List<CaseStateMessage> changed = changed(found);
            if (!changed.isEmpty()) {
                intake.put(changed);
                remember(changed);
                sent += changed.size();
            }
            for (Document triageCase : found) {
                Date at = triageCase.getDate("updatedAt");
                if (at != null && at.toInstant().isAfter(from)) {
                    from = at.toInstant();
                }
            }
            if (found.size() < PAGE) {
                from = until;
            }
            template.upsert(query(where("_id").is(COLLECTION)), new Update().set("until", Date.from(from)), WATERMARKS);
        }
        return sent;
    }

    /** The copies that differ from the last sent of their case (read in one query for the page). */
    private List<CaseStateMessage> changed(List<Document> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        Map<String, Document> sent = new HashMap<>();
        template.find(query(where("_id").in(cases.stream().map(c -> c.getString("_id")).toList())), Document.class, COLLECTION)
                .forEach(copy -> sent.put(copy.getString("_id"), copy));
        List<CaseStateMessage> changed = new ArrayList<>();
        for (Document triageCase : cases) {
            Document closure = triageCase.get("closure", Document.class);
            CaseStateMessage copy = new CaseStateMessage(triageCase.getString("_id"), triageCase.getString("reference"),
                    triageCase.getString("level"), triageCase.getString("status"),
                    closure == null ? null : closure.getString("outcome"),
                    closure == null || closure.getDate("at") == null ? null : closure.getDate("at").toInstant(),
                    triageCase.getDate("updatedAt") == null ? null : triageCase.getDate("updatedAt").toInstant(),
                    triageCase.get("version", Number.class) == null ? 0 : triageCase.get("version", Number.class).longValue());
            Document last = sent.get(copy.reportId());
            boolean same = last != null && Objects.equals(last.getString("level"), copy.level())
                    && Objects.equals(last.getString("status"), copy.status()) && Objects.equals(last.getString("outcome"), copy.outcome());
            if (!same) {
                changed.add(copy);
            }
        }
        return changed;
    }

    /** What was sent, to compare the next changes with. */
    private void remember(List<CaseStateMessage> sent) {
        BulkOperations bulk = template.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (CaseStateMessage copy : sent) {
            bulk.upsert(query(where("_id").is(copy.reportId())), new Update().set("level", copy.level())
                    .set("status", copy.status()).set("outcome", copy.outcome()).set("version", copy.version()));
        }
        bulk.execute();
    }

    private Instant watermark() {
        Document stored = template.findById(COLLECTION, Document.class, WATERMARKS);
        if (stored != null && stored.getDate("until") != null) {
            return stored.getDate("until").toInstant();
        }
        // the first pass sends every case stored before the copies existed
        return Instant.EPOCH;
    }
}
