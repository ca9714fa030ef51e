package org.cyberreport.triage.casework.desk;

import java.util.List;

import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-scores open cases when time alone changes their priority: an extortion deadline coming within
 * the window or passing, a payment leaving its golden hour, a breach leaving its window. Each score
 * says when that next happens ({@code priority.rescoreAt}); this finds the due ones by index, so the
 * queue's order stays true without anyone touching the case. A change is recorded in the case's
 * history like any other re-score. Several instances may run it: each change is a compare-and-replace.
 */
@Component
public class Rescoring {

    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 50;

    private final CaseStore store;
    private final CaseUpdates updates;
    private final Scoring scoring;

    Rescoring(CaseStore store, CaseUpdates updates, Scoring scoring) {
        this.store = store;
        this.updates = updates;
        this.scoring = scoring;
    }

    /** Re-scores the cases that are due; returns how many. */
    @Scheduled(fixedDelayString = "${cyberreport.triage.rescore-check:PT1M}",
            initialDelayString = "${cyberreport.triage.rescore-first-check:PT10S}")
    public int rescoreDue() {
        int rescored = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<String> due = store.dueForRescoring(scoring.now(), BATCH);
            for (String id : due) {
                try {
                    updates.update(id, triageCase -> {
                        if (triageCase.status() != CaseStatus.CLOSED) {
                            scoring.rescore(triageCase);
                        }
                    });
                    rescored++;
                } catch (CaseUpdates.ConcurrentCaseChange busy) {
                    log.info("Case {} is changing; it is re-scored on the next pass", id);
                } catch (RuntimeException failure) {
                    // One case that cannot be re-scored must not hold back the others.
                    log.warn("Case {} could not be re-scored: {}", id, failure.toString());
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        if (rescored > 0) {
            log.info("Re-scored {} case(s) whose time-bound factors changed", rescored);
        }
        return rescored;
    }
}
