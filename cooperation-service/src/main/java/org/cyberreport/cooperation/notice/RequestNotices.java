package org.cyberreport.cooperation.notice;

import java.time.Clock;
import java.time.Duration;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.notify.NoticeBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Posts the liaisons' notices right after each write of a request ({@link RequestNoticeWatch} posts
 * them again from its scans: the notices' keys make every post after the first a no-op). A post that
 * fails does not fail the request's change.
 */
@Component
class RequestNotices implements RequestStore.RequestWritten {

    private static final Logger log = LoggerFactory.getLogger(RequestNotices.class);
    private final NoticeBoard board;
    private final RequestNoticeRules rules;
    private final Clock clock;

    RequestNotices(NoticeBoard board, Clock clock, @Value("${cyberreport.cooperation.notices.due-soon:1h}") Duration dueSoon) {
        this.board = board;
        this.clock = clock;
        this.rules = new RequestNoticeRules(dueSoon);
    }

    @Override
    public void written(CooperationRequest written) {
        try {
            post(written);
        } catch (RuntimeException failure) {
            log.warn("Notices of request {} not posted yet (the scan will): {}", written.id(), failure.toString());
        }
    }

    void post(CooperationRequest request) {
        board.post(rules.of(request, clock.instant()));
    }
}
