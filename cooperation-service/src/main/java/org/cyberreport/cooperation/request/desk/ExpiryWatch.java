package org.cyberreport.cooperation.request.desk;

import java.time.Clock;
import java.util.Map;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.security.Caller;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lapses preservations whose period ended unanswered (expiry is done by the application, not by TTL),
 * each with its audit record in the same write; drafts the onward payment stops a crash left undrafted.
 */
@Component
class ExpiryWatch {

    private static final Caller EXPIRY = Caller.system("expiry");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExpiryWatch.class);

    private final RequestStore store;
    private final AuditTrail audit;
    private final RequestDesk desk;
    private final Clock clock;

    ExpiryWatch(RequestStore store, AuditTrail audit, RequestDesk desk, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.desk = desk;
        this.clock = clock;
    }

    /** Drafts the onward payment stops an answer planned and a crash left undrafted. */
    @Scheduled(fixedDelayString = "${cyberreport.cooperation.expiry-check:PT1M}")
    void draftFollowUpsLeftBehind() {
        for (CooperationRequest answered : store.followUpsPending(100)) {
            try {
                desk.draftFollowUps(answered);
            } catch (RuntimeException failure) {
                log.warn("Follow-ups of request {} not drafted: {}", answered.id(), failure.toString());
            }
        }
    }

    @Scheduled(fixedDelayString = "${cyberreport.cooperation.expiry-check:PT1M}")
    void expireLapsedPreservations() {
        for (CooperationRequest request : store.preservationsOpen()) {
            if (request.expireIfLapsed(clock.instant())) {
                AuditRecord record = audit.prepare(EXPIRY, "REQUEST_EXPIRED", "request", request.id(),
                        Map.of("status", request.status().name()));
                if (store.replace(request, false, audit.pending(record))) {
                    audit.settle(RequestStore.COLLECTION, request.id(), record);
                }
            }
        }
    }
}
