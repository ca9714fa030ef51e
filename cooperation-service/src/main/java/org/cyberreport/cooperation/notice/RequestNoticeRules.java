package org.cyberreport.cooperation.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.kit.notify.Audience;
import org.cyberreport.kit.notify.Notice;
import org.cyberreport.kit.security.Caller;

/**
 * What a request's state says the destination's liaisons are to be told: an urgent request arrived
 * (once), a request still unanswered is due within the window (once per due time). Keyed by the fact,
 * so the same state read again gives the same keys. The liaisons read their country's requests: the
 * notice names the type, the requesting country, the case reference the request carries and the due
 * time, never the content.
 */
public final class RequestNoticeRules {

    public static final String REQUEST_URGENT = "REQUEST_URGENT";
    public static final String REQUEST_DUE_SOON = "REQUEST_DUE_SOON";
    public static final List<String> KINDS = List.of(REQUEST_URGENT, REQUEST_DUE_SOON);

    private final Duration dueSoon;

    public RequestNoticeRules(Duration dueSoon) {
        this.dueSoon = dueSoon;
    }

    public List<Notice> of(CooperationRequest request, Instant now) {
        List<Notice> notices = new ArrayList<>();
        if (request.status() == null || request.status() == RequestStatus.DRAFT || request.sentAt() == null
                || request.destinationCountry() == null) {
            return notices;
        }
        if (request.urgent()) {
            notices.add(notice(request, "urgent", REQUEST_URGENT, now, "Urgent " + request.type() + " request from "
                    + request.requestingCountry() + ", due " + request.dueAt()));
        }
        boolean open = request.status() == RequestStatus.SENT || request.status() == RequestStatus.ACKNOWLEDGED;
        Instant due = request.dueAt();
        if (open && due != null && due.isAfter(now) && !due.isAfter(now.plus(dueSoon))) {
            notices.add(notice(request, "due-soon:" + due.toEpochMilli(), REQUEST_DUE_SOON, now, request.type()
                    + " request from " + request.requestingCountry() + " is due within the hour, at " + due));
        }
        return notices;
    }

    private static Notice notice(CooperationRequest request, String fact, String kind, Instant now, String summary) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("type", request.type().name());
        facts.put("requestingCountry", request.requestingCountry());
        if (request.dueAt() != null) {
            facts.put("dueAt", request.dueAt().toString());
        }
        String reference = request.caseReference() == null ? request.id() : request.caseReference();
        return new Notice("request:" + request.id() + ":" + fact, kind,
                Audience.roleInCountry(Caller.LIAISON, request.destinationCountry()), reference, "/inbox/" + request.id(),
                facts, summary + " (" + reference + ")", now);
    }
}
