package org.cyberreport.cooperation.request.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.cyberreport.cooperation.directory.DirectoryEntry;
import org.cyberreport.cooperation.directory.DirectoryStore;
import org.cyberreport.cooperation.request.Answer;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.IncompleteRequest;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.OnwardTransfer;
import org.cyberreport.cooperation.request.RequestConflict;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.RequestType;
import org.cyberreport.cooperation.request.store.RequestStore;
import org.cyberreport.cooperation.treaty.LegalBasisAdvisor;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The use cases of cross-border requests: a triage officer drafts and sends for its country and
 * follows its requests; a liaison sees only the requests addressed to its country, acknowledges,
 * answers or refuses. Everything else answers 404. Consultations and disclosures are audited.
 */
@Service
public class RequestDesk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RequestDesk.class);

    private final RequestStore store;
    private final DirectoryStore directory;
    private final AuditTrail audit;
    private final OutboxRelay forwarding;
    private final LegalBasisAdvisor bases;
    private final Clock clock;

    RequestDesk(RequestStore store, DirectoryStore directory, AuditTrail audit, OutboxRelay forwarding,
                LegalBasisAdvisor bases, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.forwarding = forwarding;
        this.bases = bases;
        this.clock = clock;
    }

    /** Stores a draft and, if it is complete and may be passed on, sends it. */
    public CooperationRequest create(Caller caller, CooperationRequest draft, boolean sendNow) {
        if (directory.find(draft.destinationCountry()).isEmpty()) {
            throw ProblemException.invalid(List.of(new FieldViolation("destinationCountry",
                    "is not a member country in the liaison directory")));
        }
        if (sendNow) {
            send(draft, caller.username());
        }
        // the creation and its audit record are one write; the record then joins the trail
        AuditRecord created = audit.prepare(caller, "REQUEST_CREATED", "request", draft.id(), Map.of("type",
                draft.type().name(), "destination", draft.destinationCountry(), "status", draft.status().name()));
        if (!store.insert(draft, audit.pending(created))) {
            return store.find(draft.id()).orElseThrow();
        }
        audit.settle(RequestStore.COLLECTION, draft.id(), created);
        log.info("Request {} ({}) from {} to {} recorded as {}", draft.id(), draft.type(), draft.requestingCountry(),
                draft.destinationCountry(), draft.status());
        discloseIfInbox(caller, draft);
        wakeUpIfSent(draft);
        return draft;
    }

    public CooperationRequest submit(Caller caller, String id, RequestContent completed) {
        CooperationRequest sent = change(caller, id, Side.REQUESTING, "REQUEST_SENT", true, request -> {
            if (completed != null) {
                request.complete(completed, now(), caller.username());
            }
            send(request, caller.username());
        });
        discloseIfInbox(caller, sent);
        wakeUpIfSent(sent);
        return sent;
    }

    private void send(CooperationRequest request, String by) {
        boolean push = directory.find(request.destinationCountry()).map(DirectoryEntry::pushes).orElse(false);
        try {
            request.send(push, now(), by);
        } catch (IncompleteRequest incomplete) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, incomplete.getMessage(), incomplete.items().stream()
                    .map(item -> new FieldViolation(item, "is required for a " + request.type() + " request")).toList());
        }
    }

    /**
     * A request to an inbox-only country is disclosed when it is placed in that country's inbox; a
     * pushed one when it is delivered (recorded by the delivery).
     */
    private void discloseIfInbox(Caller caller, CooperationRequest request) {
        if (request.status() == RequestStatus.SENT && request.forwarding() == null) {
            audit.record(caller, "REQUEST_DISCLOSED", "request", request.id(), Map.of(
                    "recipient", request.destinationCountry(), "channel", "inbox", "type", request.type().name(),
                    "legalBasis", request.legalBasis().instrument() + " " + request.legalBasis().article(),
                    "victimData", String.valueOf(!request.contentForDestination().victims().isEmpty()),
                    "handling", request.handling() == null ? "none" : request.handling().tlp() + " " + request.handling().codes()));
        }
    }

    private void wakeUpIfSent(CooperationRequest request) {
        if (request.forwarding() != null) {
            forwarding.wakeUp();
        }
    }

    public CooperationRequest read(Caller caller, String id) {
        CooperationRequest request = visible(caller, id, Side.EITHER);
        audit.record(caller, "REQUEST_CONSULTED", "request", id, Map.of("type", request.type().name()));
        return request;
    }

    /** A request of the caller's country (a triage officer's), not audited here; 404 otherwise. */
    public CooperationRequest requestedBy(Caller caller, String id) {
        return visible(caller, id, Side.REQUESTING);
    }

    /** A request addressed to the caller's country and sent (a liaison's), not audited here; 404 otherwise. */
    public CooperationRequest addressedTo(Caller caller, String id) {
        return visible(caller, id, Side.DESTINATION);
    }

    /** A request the caller may read from either side, not audited here; 404 otherwise. */
    public CooperationRequest readable(Caller caller, String id) {
        return visible(caller, id, Side.EITHER);
    }

    public List<CooperationRequest> inbox(Caller caller, int page, int size) {
        requireCountry(caller);
        List<CooperationRequest> requests = store.addressedTo(caller.country(), page, size);
        audit.record(caller, "INBOX_LISTED", "request", null, Map.of("returned", String.valueOf(requests.size())));
        return requests;
    }

    public List<CooperationRequest> ownRequests(Caller caller, int page, int size) {
        requireCountry(caller);
        List<CooperationRequest> requests = store.requestedBy(caller.country(), page, size);
        audit.record(caller, "REQUESTS_LISTED", "request", null, Map.of("returned", String.valueOf(requests.size())));
        return requests;
    }

    /** The requests the officer's country sent (or drafted) about one of its cases, with their states and answers. */
    public List<CooperationRequest> caseRequests(Caller caller, String caseId) {
        requireCountry(caller);
        List<CooperationRequest> requests = store.requestedAbout(caller.country(), caseId, 100);
        audit.record(caller, "CASE_REQUESTS_LISTED", "case", caseId, Map.of("returned", String.valueOf(requests.size())));
        return requests;
    }

    public CooperationRequest acknowledge(Caller caller, String id) {
        return change(caller, id, Side.DESTINATION, "REQUEST_ACKNOWLEDGED", false, r -> r.acknowledge(caller.username(), now()));
    }

    public CooperationRequest answer(Caller caller, String id, String text, List<Answer.Evidence> evidence) {
        return answer(caller, id, text, evidence, List.of(), null);
    }

    /**
     * Answers; a payment stop's answer may say where the funds moved on (the next stops are drafted), a
     * preservation's until when the data is kept (the assistance request that obtains it is drafted).
     */
    public CooperationRequest answer(Caller caller, String id, String text, List<Answer.Evidence> evidence,
                                     List<OnwardTransfer> fundsMovedOn, Instant preservedUntil) {
        checkOnward(fundsMovedOn);
        return change(caller, id, Side.DESTINATION, "REQUEST_ANSWERED", false,
                r -> r.answer(text, evidence, fundsMovedOn, preservedUntil, caller.username(), now()));
    }

    /** Each onward transfer names a member country and where the funds went (422 otherwise). */
    public void checkOnward(List<OnwardTransfer> fundsMovedOn) {
        List<FieldViolation> wrong = new ArrayList<>();
        for (int i = 0; fundsMovedOn != null && i < fundsMovedOn.size(); i++) {
            OnwardTransfer transfer = fundsMovedOn.get(i);
            if (directory.find(transfer.country()).isEmpty()) {
                wrong.add(new FieldViolation("fundsMovedOn[" + i + "].country", "is not a member country in the liaison directory"));
            }
            if (transfer.destination() == null || transfer.destination().isBlank()) {
                wrong.add(new FieldViolation("fundsMovedOn[" + i + "]", "must name the account or the wallet the funds reached"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The answer's onward transfers are incomplete", wrong);
        }
    }

    /**
     * Drafts the payment stops an answer planned (one per onward transfer to another country), each once:
     * their ids were stored with the answer, so a repeat after a crash finds those already written. Then
     * the answer no longer waits for them.
     */
    public void draftFollowUps(CooperationRequest answered) {
        Caller platform = platformFor(answered.requestingCountry(), "platform");
        if (answered.preservedUntil() != null) {
            CooperationRequest assistance = answered.assistanceRequest(basisFor(answered, RequestType.MUTUAL_LEGAL_ASSISTANCE), now());
            create(platform, assistance, false);
            log.info("Assistance request {} drafted from preservation {}, preserved until {}", assistance.id(), answered.id(),
                    answered.preservedUntil());
        }
        List<OnwardTransfer> transfers = answered.answer().fundsMovedOn();
        for (int i = 0; i < transfers.size(); i++) {
            OnwardTransfer transfer = transfers.get(i);
            if (transfer.country().equals(answered.requestingCountry())) {
                continue;
            }
            LegalBasis basis = bases.propose(answered.requestingCountry(), transfer.country(), RequestType.PAYMENT_STOP,
                    LocalDate.ofInstant(now(), ZoneOffset.UTC));
            CooperationRequest stop = answered.onwardStop(i, basis, now());
            create(platform, stop, false);
            log.info("Payment stop {} drafted to {}: funds moved on from {} (answer to {})", stop.id(),
                    transfer.country(), answered.destinationCountry(), answered.id());
        }
        store.followUpsDrafted(answered.id());
    }

    /** Drafts the extension of a granted preservation whose assistance request has not gone (once: its id is derived). */
    public CooperationRequest draftExtension(CooperationRequest preservation) {
        CooperationRequest extension = preservation.extensionRequest(basisFor(preservation, RequestType.PRESERVATION), now());
        CooperationRequest stored = create(platformFor(preservation.requestingCountry(), "platform"), extension, false);
        log.info("Extension {} drafted for preservation {}, which ends {}", stored.id(), preservation.id(),
                preservation.preservedUntil());
        return stored;
    }

    /** The platform acting for a country's officers (a draft it writes for them, a request a crash left unwritten). */
    static Caller platformFor(String country, String username) {
        return new Caller("platform", username, Set.of(Caller.TRIAGE_OFFICER), country, null, "platform");
    }

    private LegalBasis basisFor(CooperationRequest from, RequestType type) {
        return bases.propose(from.requestingCountry(), from.destinationCountry(), type, LocalDate.ofInstant(now(), ZoneOffset.UTC));
    }

    public CooperationRequest refuse(Caller caller, String id, String reason) {
        return change(caller, id, Side.DESTINATION, "REQUEST_REFUSED", false, r -> r.refuse(reason, caller.username(), now()));
    }

    public CooperationRequest withdraw(Caller caller, String id, String reason) {
        CooperationRequest withdrawn = change(caller, id, Side.REQUESTING, "REQUEST_WITHDRAWN", false,
                r -> r.withdraw(reason, caller.username(), now()));
        forwarding.cancel(id); // a delivery not yet made will not be; one in flight loses its lease
        return withdrawn;
    }

    /** Applies a change a partner's system signed (its callback), as that country's liaison would. */
    public CooperationRequest applyCallback(String country, String id, Consumer<CooperationRequest> change, String action) {
        Caller partner = new Caller("partner-" + country, "liaison system " + country, Set.of("liaison"),
                country, null, "callback");
        return change(partner, id, Side.DESTINATION, action, false, change);
    }

    enum Side { REQUESTING, DESTINATION, EITHER }

    private CooperationRequest change(Caller caller, String id, Side side, String action, boolean withForwarding,
                                      Consumer<CooperationRequest> change) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            CooperationRequest request = visible(caller, id, side);
            try {
                change.accept(request);
            } catch (RequestConflict conflict) {
                throw new ProblemException(ProblemKind.STATE_CONFLICT, conflict.getMessage());
            } catch (IllegalArgumentException refused) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE, refused.getMessage());
            }
            AuditRecord record = audit.prepare(caller, action, "request", id, Map.of("status", request.status().name()));
            if (store.replace(request, withForwarding, audit.pending(record))) {
                audit.settle(RequestStore.COLLECTION, id, record);
                if (request.followUpsPending()) {
                    try {
                        draftFollowUps(request);
                    } catch (RuntimeException failure) {
                        // the answer is stored, its drafts planned: the watch drafts them on its next pass
                        log.warn("Follow-ups of request {} not drafted yet: {}", id, failure.toString());
                    }
                }
                return request;
            }
        }
        throw new ProblemException(ProblemKind.VERSION_CONFLICT, "Request " + id + " changed concurrently; try again");
    }

    /** A liaison sees what is addressed to its country; a triage officer what its country asked. */
    private CooperationRequest visible(Caller caller, String id, Side side) {
        requireCountry(caller);
        Optional<CooperationRequest> found = store.find(id).filter(request ->
                side != Side.REQUESTING && caller.hasRole(Caller.LIAISON) && request.isAddressedTo(caller.country())
                        && request.status() != RequestStatus.DRAFT
                        || side != Side.DESTINATION && caller.hasRole(Caller.TRIAGE_OFFICER) && request.isRequestedBy(caller.country()));
        return found.orElseThrow(() -> ProblemException.notFound("No request " + id));
    }

    private static void requireCountry(Caller caller) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
