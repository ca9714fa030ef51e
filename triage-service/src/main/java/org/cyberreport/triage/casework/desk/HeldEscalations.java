package org.cyberreport.triage.casework.desk;

import java.time.Duration;
import java.time.Instant;

import org.cyberreport.kit.outbox.HandoffState;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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

    /** Longer than an escalation takes from its first write to its last: younger ones may be in progress. */
    private static final Duration SETTLING = Duration.ofMinutes(1);
    private static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(HeldEscalations.class);

    private final OutboxRelay escalations;
    private final CaseStore cases;
    private final Scoring scoring;

    HeldEscalations(@Qualifier("escalationRelay") OutboxRelay escalations, CaseStore cases, Scoring scoring) {
        this.escalations = escalations;
        this.cases = cases;
        this.scoring = scoring;
    }

    /** Releases a held escalation to the relay, or cancels it; false when it was no longer held. */
    boolean settle(String escalationId, boolean recordedByTheCase) {
        return recordedByTheCase ? escalations.release(escalationId) : escalations.cancel(escalationId);
    }

    /** Settles the escalations a crash left held; returns how many. */
    @Scheduled(fixedDelayString = "${cyberreport.triage.held-escalations-check:PT1M}",
            initialDelayString = "${cyberreport.triage.held-escalations-first-check:PT20S}")
    public int settleLeftBehind() {
        Instant before = scoring.now().minus(SETTLING);
        int settled = 0;
        for (Held held : escalations.list(HandoffState.HELD, before, BATCH, Held.class, "caseId")) {
            String escalationId = held.id();
            boolean recorded = cases.find(held.caseId()).map(c -> records(c, escalationId)).orElse(false);
            if (settle(escalationId, recorded)) {
                settled++;
                log.info("Escalation {} left held by an interruption was {}", escalationId, recorded ? "released" : "cancelled");
            }
        }
        return settled;
    }

    record Held(String id, String caseId) {
    }

    private static boolean records(TriageCase triageCase, String escalationId) {
        return triageCase.history().stream().anyMatch(entry -> "ESCALATED".equals(entry.action())
                && escalationId.equals(entry.details().get("escalation")));
    }
}
