package org.cyberreport.cooperation.forwarding;

import java.time.Instant;
import java.util.Set;

import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.PaymentChain;
import org.cyberreport.cooperation.request.RequestContent;

/**
 * What a destination's system receives: the request with only the data its type needs, its handling
 * marks (which bind the recipient), its legal basis and deadlines, for a payment stop that follows the money the
 * transfers before it and the first stop's golden-hour clock, and where to send a signed answer.
 */
public record ForwardedRequest(String requestId, String requestingCountry, String destinationCountry, String type,
                               LegalBasis legalBasis, boolean urgent, Instant sentAt, Instant dueAt,
                               Instant preservationExpiresAt, String caseReference, Marks handling,
                               RequestContent content, PaymentChain chain, String callbackUrl) {

    public record Marks(String tlp, Set<String> codes) {
    }

    static ForwardedRequest of(CooperationRequest request, String callbackBase) {
        HandlingMarks marks = request.handling();
        return new ForwardedRequest(request.id(), request.requestingCountry(), request.destinationCountry(),
                request.type().name(), request.legalBasis(), request.urgent(), request.sentAt(), request.dueAt(),
                request.preservationExpiresAt(), request.caseReference(),
                marks == null ? null : new Marks(marks.tlp(), marks.codes()), request.contentForDestination(),
                request.chain(), callbackBase + "/api/cooperation/callbacks/" + request.destinationCountry());
    }
}
