package org.cyberreport.triage.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The two scans behind the notices, each from a watermark kept in {@code notice_watermarks}, so a pass
 * reads only what is new since the last one, at any number of stored cases:
 * <ul>
 * <li>Due times: the open cases whose due time came within the hour, or passed, since the last pass
 * (by the queue index). A case found is told once per due time.</li>
 * <li>Changes: the cases written since the last pass, a few seconds behind ({@code updated} index), so
 * that a notice whose post was cut short by a crash right after the case's write, or failed, is still
 * posted; read only when that may have happened (see {@link #sweep()}).</li>
 * </ul>
 * Several instances may scan at once: the posts are idempotent.
 */
@Component
class NoticeWatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeWatch.class);
    private static final String WATERMARKS = "notice_watermarks";
    private static final int PAGE = 500;
    private static final int MAX_PAGES = 20;

    private final CaseStore cases;
    private final CaseNotices notices;
    private final MongoTemplate template;
    private final Clock clock;
    private final NoticeSettings settings;

    NoticeWatch(CaseStore cases, CaseNotices notices, MongoTemplate template, Clock clock, NoticeSettings settings) {
        this.cases = cases;
        this.notices = notices;
        this.template = template;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${cyberreport.triage.notices.due-check:PT30S}",
            initialDelayString = "${cyberreport.triage.notices.first-check:PT5S}")
    void scheduledDueTimes() {
        try {
            dueTimes();
        } catch (RuntimeException failure) {
            log.warn("Due times not scanned this time: {}", failure.toString());
        }
    }

    @Scheduled(fixedDelayString = "${cyberreport.triage.notices.sweep-check:PT10S}",
            initialDelayString = "${cyberreport.triage.notices.first-check:PT5S}")
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException failure) {
            log.warn("Changed cases not swept this time: {}", failure.toString());
        }
    }

    /** Posts the due-time notices of the cases that came within the hour or passed due since the last pass. */
    int dueTimes() {
        if (notices.paused()) {
            return 0;
        }
        Instant now = clock.instant();
        int found = scan("due-soon", now.plus(settings.dueSoon()), cases::openDueBetween, TriageCase::dueAt);
        return found + scan("overdue", now, cases::openDueBetween, TriageCase::dueAt);
    }

    /**
     * Posts the notices of the cases changed since the last pass, up to a few seconds ago, when a post
     * may have been lost: after this process started (the one before may have died between a case's
     * write and its post; the pass looks {@code recovery-look-back} further back, for a change an
     * instance made just before it died) and after a post failed. Otherwise every post since the last
     * pass was made, and the pass only moves the watermark on: reading each changed case once more
     * would cost filing a read per write for nothing.
     */
    int sweep() {
        if (notices.paused()) {
            return 0;
        }
        Instant until = clock.instant().minus(settings.sweepLag());
        boolean recovering = !started;
        started = true;
        if (!recovering && !notices.failedSinceAsked()) {
            template.upsert(query(where("_id").is("changes")), new Update().set("until", Date.from(until)), WATERMARKS);
            return 0;
        }
        if (recovering) {
            Document stored = template.findById("changes", Document.class, WATERMARKS);
            if (stored != null && stored.getDate("until") != null) {
                Instant back = stored.getDate("until").toInstant().minus(settings.recoveryLookBack());
                template.upsert(query(where("_id").is("changes")), new Update().set("until", Date.from(back)), WATERMARKS);
            }
        }
        return scan("changes", until, cases::changedBetween, TriageCase::updatedAt);
    }

    private volatile boolean started;

    interface Window {
        List<TriageCase> read(Instant from, Instant to, int limit);
    }

    interface Mark {
        Instant of(TriageCase triageCase);
    }

    private int scan(String name, Instant until, Window window, Mark mark) {
        Instant from = watermark(name, until);
        int seen = 0;
        for (int page = 0; page < MAX_PAGES && from.isBefore(until); page++) {
            List<TriageCase> found = window.read(from, until, PAGE);
            for (TriageCase triageCase : found) {
                notices.post(triageCase);
                Instant at = mark.of(triageCase);
                if (at != null && at.isAfter(from)) {
                    from = at;
                }
            }
            seen += found.size();
            if (found.size() < PAGE) {
                from = until;
            }
            template.upsert(query(where("_id").is(name)), new Update().set("until", Date.from(from)), WATERMARKS);
        }
        return seen;
    }

    /** Where a scan goes on from; the first pass looks back one period of {@code first-look-back}. */
    private Instant watermark(String name, Instant until) {
        Document stored = template.findById(name, Document.class, WATERMARKS);
        if (stored != null && stored.getDate("until") != null) {
            return stored.getDate("until").toInstant();
        }
        return until.minus(settings.firstLookBack());
    }

}
