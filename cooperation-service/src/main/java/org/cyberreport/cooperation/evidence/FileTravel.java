package org.cyberreport.cooperation.evidence;

import java.util.Optional;
import java.util.Set;

import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.RequestType;

/**
 * When an evidence file may travel abroad with a request. Files hold the victim's own data (statements,
 * chats, bank records): they go only with the request types that need it, a mutual legal assistance
 * request (evidence for proceedings) or a payment stop (the bank records of the payment); never with a
 * request marked TLP:RED or H2 unless the owner's permission is recorded on it; only with a request made
 * from a case (the report the files belong to); and only while the request is open (attached) or was
 * sent and not withdrawn, refused or expired (read by the destination's liaison).
 */
public final class FileTravel {

    static final Set<RequestType> CARRY_FILES = Set.of(RequestType.MUTUAL_LEGAL_ASSISTANCE, RequestType.PAYMENT_STOP);
    private static final Set<RequestStatus> ATTACHABLE = Set.of(RequestStatus.DRAFT, RequestStatus.SENT,
            RequestStatus.ACKNOWLEDGED);
    private static final Set<RequestStatus> READABLE = Set.of(RequestStatus.SENT, RequestStatus.ACKNOWLEDGED,
            RequestStatus.ANSWERED);

    private FileTravel() {
    }

    /** Why a file may not be attached to the request, or empty when it may. */
    public static Optional<String> refusalToAttach(RequestType type, HandlingMarks marks, RequestStatus status, String caseId) {
        if (!CARRY_FILES.contains(type)) {
            return Optional.of("A " + type + " carries no evidence file (victims' data): only a mutual legal assistance "
                    + "request or a payment stop does");
        }
        if (marks != null && !marks.permitsPassingOn()) {
            return Optional.of("The request is marked " + ("RED".equals(marks.tlp()) ? "TLP:RED" : "H2")
                    + " and no permission of the data's owner is recorded: no file goes abroad with it");
        }
        if (caseId == null) {
            return Optional.of("The request was not made from a case: it has no report whose files it could carry");
        }
        if (!ATTACHABLE.contains(status)) {
            return Optional.of("The request is " + status + ": nothing more goes with it");
        }
        return Optional.empty();
    }

    /** Whether the destination's liaison may receive the request's files now. */
    public static boolean readableByDestination(RequestType type, HandlingMarks marks, RequestStatus status) {
        return CARRY_FILES.contains(type) && (marks == null || marks.permitsPassingOn()) && READABLE.contains(status);
    }
}
