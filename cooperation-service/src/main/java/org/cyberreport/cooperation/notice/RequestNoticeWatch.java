package org.cyberreport.cooperation.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Two scans behind the liaisons' notices, each going on from a watermark in {@code notice_watermarks}
 * (so a pass reads only what is new, at any number of stored requests): the requests sent since the
 * last pass, a few seconds behind (a post cut short by a crash right after the write is made here),
 * and the requests whose due time came within the window. Several instances may scan at once.
 */
@Component
class RequestNoticeWatch {

    private static final Logger log = LoggerFactory.getLogger(RequestNoticeWatch.class);
    private static final String WATERMARKS = "notice_watermarks";
    private static final int PAGE = 500;
    private static final Duration LAG = Duration.ofSeconds(5);
    private static final Duration FIRST_LOOK_BACK = Duration.ofHours(1);

    private final RequestStore requests;
    private final RequestNotices notices;
    private final MongoTemplate template;
    private final Clock clock;
    private final Duration dueSoon;

    RequestNoticeWatch(RequestStore requests, RequestNotices notices, MongoTemplate template, Clock clock,
                       @Value("${cyberreport.cooperation.notices.due-soon:1h}") Duration dueSoon) {
        this.requests = requests;
        this.notices = notices;
        this.template = template;
        this.clock = clock;
        this.dueSoon = dueSoon;
    }
    @Scheduled(fixedDelayString = "${cyberreport.cooperation.notices.check:PT10S}",
            initialDelayString = "${cyberreport.cooperation.notices.first-check:PT5S}")
    void scheduledScans() {
        try {
            scan();
        } catch (RuntimeException failure) {
            log.warn("Requests not scanned for notices this time: {}", failure.toString());
        }
    }

    /** Both scans; returns how many requests they read. */
    int scan() {
        Instant now = clock.instant();
        return scan("sent", now.minus(LAG), requests::sentBetween, CooperationRequest::sentAt)
                + scan("due-soon", now.plus(dueSoon), requests::dueBetween, CooperationRequest::dueAt);
    }

    interface Window {
        List<CooperationRequest> read(Instant from, Instant to, int limit);
    }

    interface Mark {
        Instant of(CooperationRequest request);
    }

    private int scan(String name, Instant until, Window window, Mark mark) {
        Document stored = template.findById(name, Document.class, WATERMARKS);
        Instant from = stored != null && stored.getDate("until") != null ? stored.getDate("until").toInstant()
                : until.minus(FIRST_LOOK_BACK);
        if (!from.isBefore(until)) {
            return 0;
        }
        List<CooperationRequest> found = window.read(from, until, PAGE);
        Instant reached = found.size() < PAGE ? until : from;
        for (CooperationRequest request : found) {
            notices.post(request);
            Instant at = mark.of(request);
            if (found.size() == PAGE && at != null && at.isAfter(reached)) {
                reached = at;
            }
        }
        template.upsert(query(where("_id").is(name)), new Update().set("until", Date.from(reached)), WATERMARKS);
        return found.size();
    }
}
