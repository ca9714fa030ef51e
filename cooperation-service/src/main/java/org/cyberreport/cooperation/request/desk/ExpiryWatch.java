package org.cyberreport.cooperation.request.desk;

import java.time.Clock;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Lapses preservations whose period ended unanswered (expiry is done by the application, not by TTL). */
@Component
class ExpiryWatch {

    private final RequestStore store;
    private final Clock clock;

    ExpiryWatch(RequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cyberreport.cooperation.expiry-check:PT1M}")
    void expireLapsedPreservations() {
        for (CooperationRequest request : store.preservationsOpen()) {
            if (request.expireIfLapsed(clock.instant())) {
                store.replace(request, false);
            }
        }
    }
}
