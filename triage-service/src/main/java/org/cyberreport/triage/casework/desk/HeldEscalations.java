package org.cyberreport.triage.casework.desk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalations stored but not yet recorded by their case ({@code HELD}): released to the relay once the
 * case's history has them, cancelled when the case refused them. Normally the desk settles each at
 * once; after a crash between the two writes this finds the ones left behind (by index, oldest first)
 * and settles each by what its case's history says.
 */
@Component
public class HeldEscalations {

    static final String COLLECTION = "escalations";
    static final String HELD = "HELD";
    /** Longer than an escalation takes from its first write to its last: younger ones may be in progress. */
    private static final Duration SETTLING = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(HeldEscalations.class);

    private final MongoTemplate template;
    private final CaseStore cases;
    private final Scoring scoring;

    HeldEscalations(MongoTemplate template, CaseStore cases, Scoring scoring) {
        this.template = template;
        this.cases = cases;
        this.scoring = scoring;
    }

    /** Releases a held escalation to the relay, or cancels it; false when it was no longer held. */
    boolean settle(String escalationId, boolean recordedByTheCase) {
        Update update = new Update().set("handoff.state", recordedByTheCase ? "PENDING" : "CANCELLED")
                .set("handoff.nextAttemptAt", Date.from(scoring.now()));
        return template.updateFirst(new Query(where("_id").is(escalationId).and("handoff.state").is(HELD)), update,
                COLLECTION).getModifiedCount() == 1;
    }

    /** Settles the escalations a crash left held; returns how many. */
    @Scheduled(fixedDelayString = "${cyberreport.triage.held-escalations-check:PT1M}",
            initialDelayString = "${cyberreport.triage.held-escalations-first-check:PT20S}")
    public int settleLeftBehind() {
        Instant before = scoring.now().minus(SETTLING);
        Query leftBehind = new Query(where("handoff.state").is(HELD).and("handoff.nextAttemptAt").lt(Date.from(before)))
                .with(Sort.by("handoff.nextAttemptAt")).limit(BATCH);
        leftBehind.fields().include("_id").include("caseId");
        int settled = 0;
        for (Document held : template.find(leftBehind, Document.class, COLLECTION)) {
            String escalationId = held.getString("_id");
            boolean recorded = cases.find(held.getString("caseId")).map(c -> records(c, escalationId)).orElse(false);
            if (settle(escalationId, recorded)) {
                settled++;
                log.info("Escalation {} left held by an interruption was {}", escalationId, recorded ? "released" : "cancelled");
            }
        }
        return settled;
    }

    private static boolean records(TriageCase triageCase, String escalationId) {
        return triageCase.history().stream().anyMatch(entry -> "ESCALATED".equals(entry.action())
                && escalationId.equals(entry.details().get("escalation")));
    }
}
