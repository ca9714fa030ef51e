package org.cyberreport.intake.report.casestate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.intake.report.retention.Retention;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The copies of the reports' cases, one per report, in their own collection (never in the report's
 * document, whose version is the unit's). A copy older than the one stored changes nothing, so copies
 * delivered twice or out of order leave the newest.
 */
@Component
public class CaseStates {

    static final String COLLECTION = "case_states";
    private static final String REPORTS = "reports";

    private final MongoTemplate template;
    private final Retention retention;

    CaseStates(MongoTemplate template, Retention retention) {
        this.template = template;
        this.retention = retention;
    }

    /** What became of a copy. */
    public enum Taken { KEPT, OLDER, NO_SUCH_REPORT }

    /**
     * Stores the copy unless a newer or equal one is stored, or intake holds no such report. A closed case
     * starts the report's retention clock, by its outcome.
     */
    public Taken take(String reportId, CaseState state) {
        Taken taken = store(reportId, state);
        if (taken == Taken.KEPT && "CLOSED".equals(state.status()) && state.closedAt() != null) {
            retention.closed(reportId, state.outcome(), state.closedAt());
        }
        return taken;
    }

    private Taken store(String reportId, CaseState state) {
        Update update = new Update().set("caseReference", state.caseReference()).set("level", state.level())
                .set("status", state.status()).set("outcome", state.outcome())
                .set("closedAt", state.closedAt() == null ? null : Date.from(state.closedAt()))
                .set("changedAt", state.changedAt() == null ? null : Date.from(state.changedAt()))
                .set("version", state.version());
        if (template.updateFirst(query(where("_id").is(reportId).and("version").lt(state.version())), update, COLLECTION)
                .getMatchedCount() > 0) {
            return Taken.KEPT;
        }
        if (!template.exists(query(where("_id").is(reportId)), REPORTS)) {
            return Taken.NO_SUCH_REPORT;
        }
        Document copy = new Document("_id", reportId);
        update.getUpdateObject().get("$set", Document.class).forEach(copy::append);
        try {
            template.insert(copy, COLLECTION);
            return Taken.KEPT;
        } catch (DuplicateKeyException newerOrSameStored) {
            return Taken.OLDER;
        }
    }

    public Optional<CaseState> find(String reportId) {
        return Optional.ofNullable(template.findById(reportId, Document.class, COLLECTION)).map(CaseStates::state);
    }

    /** The copies of several reports (a page of a listing), by report id. */
    public Map<String, CaseState> findAll(Collection<String> reportIds) {
        Map<String, CaseState> found = new HashMap<>();
        if (!reportIds.isEmpty()) {
            template.find(query(where("_id").in(reportIds)), Document.class, COLLECTION)
                    .forEach(copy -> found.put(copy.getString("_id"), state(copy)));
        }
        return found;
    }

    private static CaseState state(Document copy) {
        return new CaseState(copy.getString("caseReference"), copy.getString("level"), copy.getString("status"),
                copy.getString("outcome"), instant(copy.getDate("closedAt")), instant(copy.getDate("changedAt")),
                copy.get("version", Number.class).longValue());
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
