package org.cyberreport.cooperation.request.web;

import java.time.Instant;
import java.util.List;

import org.cyberreport.cooperation.request.Answer;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.Event;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.PaymentChain;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.RequestType;

/**
 * A request as either side sees it. The destination's liaison sees the content as it was sent
 * (minimised for the type); the requesting country sees all of it, with the delivery state.
 */
record RequestView(String id, String caseReference, String requestingCountry, String destinationCountry,
                   RequestType type, LegalBasis legalBasis, boolean urgent, HandlingMarks handling, RequestStatus status,
                   List<String> missing, Instant createdAt, Instant sentAt, Instant dueAt, boolean overdue,
                   Instant preservationExpiresAt, boolean preservationLapsing, Instant acknowledgedAt, Answer answer,
                   String refusalReason, String delivery, RequestContent content, List<Event> history,
                   PaymentChain chain, List<String> followUps, Instant preservedUntil, Long preservationDaysLeft) {

    static RequestView of(CooperationRequest r, boolean destinationSide, Instant now) {
        return new RequestView(r.id(), r.caseReference(), r.requestingCountry(), r.destinationCountry(), r.type(),
                r.legalBasis(), r.urgent(), r.handling(), r.status(), destinationSide ? null : r.missing(), r.createdAt(),
                r.sentAt(), r.dueAt(), r.isOverdue(now), r.preservationExpiresAt(), r.isPreservationLapsing(now),
                r.acknowledgedAt(), r.answer(), r.refusalReason(),
                destinationSide ? null : r.forwarding() == null ? "INBOX" : r.forwarding().state().name(),
                destinationSide ? r.contentForDestination() : r.content(), destinationSide ? null : r.history(),
                r.chain(), destinationSide ? null : r.followUps(), r.preservedUntil(), r.preservationDaysLeft(now));
    }
}
