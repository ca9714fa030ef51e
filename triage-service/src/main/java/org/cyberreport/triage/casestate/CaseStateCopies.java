package org.cyberreport.triage.casestate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import org.bson.Document;
import org.cyberreport.kit.outbox.Handoff;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps, for each case, what the filing unit may see of it (level, status, outcome) in an outbox that
 * delivers it to intake, so that the reporter's view shows it without intake ever calling triage. The
 * cases written since the last pass are read a few seconds behind (by the {@code updated} index), so a
 * change whose copy a crash cut short is copied at the next pass; only a change the unit would see
 * makes a new version, and the versions of one case reach intake in order.
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
    private final MongoConverter converter;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Duration lag;

    CaseStateCopies(MongoTemplate template, Clock clock, @Qualifier("caseStateRelay") OutboxRelay relay,
                    CaseStateRelayConfiguration.CaseStateProperties properties) {
        this.template = template;
        this.converter = template.getConverter();
        this.clock = clock;
        this.relay = relay;
        // read by the case store's "updated" index
        this.lag = properties.sweepLag();
    }

    @Scheduled(fixedDelayString = "${cyberreport.relay.case-state-check:PT1S}", initialDelayString = "PT2S")
    void scheduledPass() {
        try {
            pass();
        } catch (RuntimeException failure) {
            log.warn("Case states not copied this time: {}", failure.toString());
        }
    }

    /** Copies the states of the cases written since the last pass, up to {@code lag} ago; how many changed. */
    public int pass() {
        Instant until = clock.instant().minus(lag);
        Instant from = watermark();
        int changed = 0;
        for (int page = 0; page < MAX_PAGES && from.isBefore(until); page++) {
            Query written = query(where("updatedAt").gt(Date.from(from)).lte(Date.from(until))).with(Sort.by("updatedAt"))
                    .limit(PAGE);
            written.fields().include("_id", "reference", "level", "status", "closure", "version", "updatedAt");
            List<Document> found = template.find(written, Document.class, CASES);
            for (Document triageCase : found) {
                if (copy(triageCase)) {
                    changed++;
                }
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
        if (changed > 0) {
            relay.wakeUp();
        }
        return changed;
    }

    /** Writes a new version of the case's copy when what the unit sees changed; false when it did not. */
    private boolean copy(Document triageCase) {
        String id = triageCase.getString("_id");
        Document closure = triageCase.get("closure", Document.class);
        String level = triageCase.getString("level");
        String status = triageCase.getString("status");
        String outcome = closure == null ? null : closure.getString("outcome");
        Document stored = template.findById(id, Document.class, COLLECTION);
        if (stored != null && Objects.equals(stored.getString("level"), level) && Objects.equals(stored.getString("status"), status)
                && Objects.equals(stored.getString("outcome"), outcome)) {
            return false;
        }
        Instant now = clock.instant();
        long version = stored == null ? 1 : stored.get("version", Number.class).longValue() + 1;
        Handoff previous = stored == null || stored.get("handoff") == null ? null
                : converter.read(Handoff.class, stored.get("handoff", Document.class));
        Document handoff = new Document();
        converter.write(Handoff.pending(version, now).keepingTheClaimOf(previous, now), handoff);
        handoff.remove("_class");
        Update update = new Update().set("reference", triageCase.getString("reference")).set("level", level)
                .set("status", status).set("outcome", outcome)
                .set("closedAt", closure == null ? null : closure.get("at")).set("changedAt", triageCase.get("updatedAt"))
                .set("version", version).set("handoff", handoff);
        // Only this pass writes a copy's state; the relay writes only its hand-off's lease and outcome.
        template.upsert(query(where("_id").is(id)), update, COLLECTION);
        return true;
    }

    private Instant watermark() {
        Document stored = template.findById(COLLECTION, Document.class, WATERMARKS);
        if (stored != null && stored.getDate("until") != null) {
            return stored.getDate("until").toInstant();
        }
        // the first pass copies every case stored before the copies existed
        return Instant.EPOCH;
    }
}
