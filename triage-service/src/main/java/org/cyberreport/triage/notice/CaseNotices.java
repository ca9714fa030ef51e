package org.cyberreport.triage.notice;

import java.time.Clock;
import java.util.List;

import org.cyberreport.kit.notify.Notice;
import org.cyberreport.kit.notify.NoticeBoard;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts the notices a case's state calls for, right after each write of the case (so a golden-hour
 * report's officers hear of it within the second), and again whenever the sweep or the due-time watch
 * reads the case: the notices' keys make every post after the first a no-op. A post that fails does
 * not fail the change of the case; the sweep posts it a few seconds later.
 */
@Component
class CaseNotices implements CaseStore.CaseWritten {

    private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);

    private final NoticeBoard board;
    private final CaseNoticeRules rules;
    private final Clock clock;
    // for the cost benchmark: filing with and without notices in one process
    private volatile boolean paused;
    // a post that failed since the sweep last looked: the sweep then reads the changed cases again
    private final java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();

    CaseNotices(NoticeBoard board, CaseNoticeRules rules, Clock clock) {
        this.board = board;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void written(TriageCase written) {
        if (paused) {
            return;
        }
        try {
            post(written);
        } catch (RuntimeException failure) {
            failed.set(true);
            log.warn("Notices of case {} not posted yet (the sweep will): {}", written.id(), failure.toString());
        }
    }

    void pause(boolean paused) {
        this.paused = paused;
    }

    boolean paused() {
        return paused;
    }

    /** Whether a post failed since the last call (and forgets it). */
    boolean failedSinceAsked() {
        return failed.getAndSet(false);
    }

    List<Notice> post(TriageCase triageCase) {
        return board.post(rules.of(triageCase, clock.instant()));
    }
}
