package org.cyberreport.cooperation.request.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.kit.notify.Audience;
import org.cyberreport.kit.notify.Notice;
import org.cyberreport.kit.notify.NoticeBoard;
import org.cyberreport.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts down the preservations a partner granted until a stated day: the requesting country's officers are
 * reminded 30 and 7 days before the end (once each: the notices are keyed by the fact) while the mutual legal
 * assistance request drafted from the preservation has not been sent, and when 7 days are left without it, the
 * extension of the preservation is drafted for them to send (once: its id is derived from the preservation's).
 */
@Component
public class PreservationWatch {

    public static final String PRESERVATION_ENDING = "PRESERVATION_ENDING";
    static final Duration FIRST_REMINDER = Duration.ofDays(30);
    static final Duration LAST_REMINDER = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(PreservationWatch.class);

    private final RequestStore store;
    private final RequestDesk desk;
    private final NoticeBoard board;
    private final Clock clock;

    PreservationWatch(RequestStore store, RequestDesk desk, NoticeBoard board, Clock clock) {
        this.store = store;
        this.desk = desk;
        this.board = board;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cyberreport.cooperation.preservation-check:PT10M}",
            initialDelayString = "${cyberreport.cooperation.notices.first-check:PT5S}")
    void scheduled() {
        try {
            check(clock.instant());
        } catch (RuntimeException failure) {
            log.warn("Granted preservations not checked this time: {}", failure.toString());
        }
    }

    /** One pass at {@code now}: the reminders due and the extensions to draft; returns how many preservations it read. */
    public int check(Instant now) {
        List<CooperationRequest> ending = store.preservationsEndingBetween(now, now.plus(FIRST_REMINDER), 1000);
        for (CooperationRequest preservation : ending) {
            try {
                countDown(preservation, now);
            } catch (RuntimeException failure) {
                log.warn("Preservation {} not counted down this time: {}", preservation.id(), failure.toString());
            }
        }
        return ending.size();
    }

    private void countDown(CooperationRequest preservation, Instant now) {
        Optional<CooperationRequest> assistance = store.find(preservation.assistanceRequestId());
        if (assistance.isPresent() && assistance.get().status() != RequestStatus.DRAFT
                && assistance.get().status() != RequestStatus.WITHDRAWN) {
            return; // the assistance request went: nothing to remind of
        }
        List<Notice> notices = new ArrayList<>();
        notices.add(reminder(preservation, 30, now));
        if (Duration.between(now, preservation.preservedUntil()).compareTo(LAST_REMINDER) <= 0) {
            notices.add(reminder(preservation, 7, now));
            desk.draftExtension(preservation);
        }
        board.post(notices);
    }

    private static Notice reminder(CooperationRequest preservation, int days, Instant now) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("type", preservation.type().name());
        facts.put("destinationCountry", preservation.destinationCountry());
        facts.put("preservedUntil", preservation.preservedUntil().toString());
        facts.put("assistanceRequest", preservation.assistanceRequestId());
        String reference = preservation.caseReference() == null ? preservation.id() : preservation.caseReference();
        String summary = "The preservation granted by " + preservation.destinationCountry() + " ends within " + days
                + " days, on " + preservation.preservedUntil() + ": send the mutual legal assistance request"
                + (days == 7 ? " now, or the extension drafted for you" : "") + " (" + reference + ")";
        return new Notice("request:" + preservation.id() + ":preservation-ends-" + days, PRESERVATION_ENDING,
                Audience.roleInCountry(Caller.TRIAGE_OFFICER, preservation.requestingCountry()), reference,
                "/requests/" + preservation.assistanceRequestId(), facts, summary, now);
    }
}
