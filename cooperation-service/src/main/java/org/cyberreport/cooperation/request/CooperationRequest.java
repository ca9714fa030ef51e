package org.cyberreport.cooperation.request;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cyberreport.kit.outbox.Handoff;

/**
 * A cross-border request: what one country asks another, on which legal basis, by when, under which
 * handling marks, and where it stands. Transitions refuse what the lifecycle does not allow.
 */
public final class CooperationRequest {

    /** A preservation lasts at least 60 days; the request asks for 90. */
    public static final Duration PRESERVATION_PERIOD = Duration.ofDays(90);
    /** A preservation is flagged this long before it lapses. */
    public static final Duration LAPSE_WARNING = Duration.ofDays(14);

    private final String id;
    private final String origin;
    private final String caseId;
    private final String caseReference;
    private final String requestingCountry;
    private final String destinationCountry;
    private final RequestType type;
    private final LegalBasis legalBasis;
    private final boolean urgent;
    private final String urgencyReason;
    private final HandlingMarks handling;
    private RequestContent content;
    private List<String> missing;
    private RequestStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant sentAt;
    private Instant dueAt;
    private Instant preservationExpiresAt;
    private Instant acknowledgedAt;
    private Answer answer;
    private String refusalReason;
    private Instant closedAt;
    private Handoff forwarding;
    private final List<Event> history;
    private long version;
    private PaymentChain chain;
    private List<String> followUps;
    private boolean followUpsPending;
    private Instant preservedUntil;
    private String parentId;
    private final Received received;
    private Handoff reply;
    @org.springframework.data.annotation.Transient
    private boolean replyQueued;

    public CooperationRequest(String id, String origin, String caseId, String caseReference, String requestingCountry,
                              String destinationCountry, RequestType type, LegalBasis legalBasis, boolean urgent,
                              String urgencyReason, HandlingMarks handling, RequestContent content, List<String> missing,
                              RequestStatus status, String createdBy, Instant createdAt, Instant sentAt, Instant dueAt,
                              Instant preservationExpiresAt, Instant acknowledgedAt, Answer answer, String refusalReason,
                              Instant closedAt, Handoff forwarding, List<Event> history, long version,
                              PaymentChain chain, List<String> followUps, boolean followUpsPending, Instant preservedUntil,
                              String parentId, Received received, Handoff reply) {
        this.id = id;
        this.origin = origin;
        this.caseId = caseId;
        this.caseReference = caseReference;
        this.requestingCountry = requestingCountry;
        this.destinationCountry = destinationCountry;
        this.type = type;
        this.legalBasis = legalBasis;
        this.urgent = urgent || type.alwaysUrgent();
        this.urgencyReason = urgencyReason;
        this.handling = handling;
        this.content = content;
        this.missing = missing == null ? List.of() : List.copyOf(missing);
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.sentAt = sentAt;
        this.dueAt = dueAt;
        this.preservationExpiresAt = preservationExpiresAt;
        this.acknowledgedAt = acknowledgedAt;
        this.answer = answer;
        this.refusalReason = refusalReason;
        this.closedAt = closedAt;
        this.forwarding = forwarding;
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.version = version;
        this.chain = chain;
        this.followUps = followUps == null ? List.of() : List.copyOf(followUps);
        this.followUpsPending = followUpsPending;
        this.preservedUntil = preservedUntil;
        this.parentId = parentId;
        this.received = received;
        this.reply = reply;
    }

    /**
     * A request another country's platform sent here (signed by its key), in this platform's inbox for the
     * destination's liaisons; their acknowledgement, answer or refusal goes back to that platform ({@link #reply}).
     */
    public static CooperationRequest receivedFrom(String id, Received received, String caseReference,
                                                  String requestingCountry, String destinationCountry, RequestType type,
                                                  LegalBasis legalBasis, boolean urgent, HandlingMarks handling,
                                                  RequestContent content, PaymentChain chain, Instant sentAt,
                                                  Instant dueAt, Instant preservationExpiresAt, Instant now) {
        if (requestingCountry.equals(destinationCountry)) {
            throw new IllegalArgumentException("A cross-border request goes to another country");
        }
        CooperationRequest request = new CooperationRequest(id, "PARTNER_PLATFORM", null, caseReference, requestingCountry,
                destinationCountry, type, legalBasis == null ? type.defaultBasis() : legalBasis, urgent, null, handling,
                content, List.of(), RequestStatus.SENT, "platform of " + requestingCountry, now, sentAt == null ? now : sentAt,
                dueAt == null ? now.plus(type.answerTime(urgent)) : dueAt, preservationExpiresAt, null, null, null, null,
                null, List.of(), 0, chain, List.of(), false, null, null, received, null);
        request.record(now, "platform of " + requestingCountry, "RECEIVED", "from the platform of " + requestingCountry
                + " (its request " + received.partnerRequestId() + ")");
        return request;
    }

    /** The acknowledgement, answer or refusal of a request received from a partner's platform is to go back to it. */
    private void queueReply(Instant now) {
        if (received != null) {
            reply = Handoff.pending(reply == null ? 1 : reply.version() + 1, requestingCountry, now)
                    .keepingTheClaimOf(reply, now);
            replyQueued = true;
        }
    }

    /** A new request, a draft until {@link #send} finds it complete and allowed. */
    public static CooperationRequest draft(String id, String origin, String caseId, String caseReference,
                                           String requestingCountry, String destinationCountry, RequestType type,
                                           LegalBasis legalBasis, boolean urgent, String urgencyReason,
                                           HandlingMarks handling, RequestContent content, String by, Instant now) {
        if (requestingCountry.equals(destinationCountry)) {
            throw new IllegalArgumentException("A cross-border request goes to another country");
        }
        CooperationRequest request = new CooperationRequest(id, origin, caseId, caseReference, requestingCountry,
                destinationCountry, type, legalBasis == null ? type.defaultBasis() : legalBasis, urgent, urgencyReason,
                handling, content, List.of(), RequestStatus.DRAFT, by, now, null, null, null, null, null, null, null,
                null, List.of(), 0, null, List.of(), false, null, null, null, null);
        request.missing = Completeness.missing(type, content, request.urgent, urgencyReason);
        request.record(now, by, "DRAFTED", origin);
        return request;
    }

    /** What stops the request from being sent: missing items, and handling marks without permission. */
    public List<String> obstacles() {
        List<String> obstacles = new ArrayList<>(missing);
        if (handling != null && !handling.permitsPassingOn()) {
            obstacles.add("handling.permission (the data is marked " + handling.tlp() + " " + handling.codes()
                    + " and may not be passed on without its owner's permission)");
        }
        return obstacles;
    }

    public void complete(RequestContent completed, Instant now, String by) {
        require(status == RequestStatus.DRAFT, "completed");
        content = completed;
        missing = Completeness.missing(type, completed, urgent, urgencyReason);
        record(now, by, "COMPLETED", String.join(",", missing));
    }

    /** Sends a complete draft: due time by type and urgency; pushed to the destination's endpoint if it has one. */
    public void send(boolean push, Instant now, String by) {
        require(status == RequestStatus.DRAFT, "sent");
        List<String> obstacles = obstacles();
        if (!obstacles.isEmpty()) {
            throw new IncompleteRequest(obstacles);
        }
        status = RequestStatus.SENT;
        sentAt = now;
        dueAt = now.plus(type.answerTime(urgent));
        if (type == RequestType.PRESERVATION) {
            preservationExpiresAt = now.plus(PRESERVATION_PERIOD);
        }
        forwarding = push ? Handoff.pending(1, destinationCountry, now) : null;
        record(now, by, "SENT", push ? "to the destination's endpoint and inbox" : "to the destination's inbox");
    }

    public void acknowledge(String by, Instant now) {
        require(status == RequestStatus.SENT, "acknowledged");
        status = RequestStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        queueReply(now);
        record(now, by, "ACKNOWLEDGED", null);
    }

    public void answer(String text, List<Answer.Evidence> evidence, String by, Instant now) {
        answer(text, evidence, List.of(), null, by, now);
    }

    /**
     * Answers; for a payment stop, the answer may say that the funds had moved on. Each transfer to another
     * country than the requesting one is to become the next payment stop, drafted by the platform under an id
     * known now ({@link #followUps}), so that a crash between this answer and those drafts loses none.
     */
    public void answer(String text, List<Answer.Evidence> evidence, List<OnwardTransfer> fundsMovedOn, Instant preservedUntil,
                       String by, Instant now) {
        require(status == RequestStatus.SENT || status == RequestStatus.ACKNOWLEDGED, "answered");
        List<OnwardTransfer> onward = fundsMovedOn == null ? List.of() : fundsMovedOn;
        if (!onward.isEmpty() && type != RequestType.PAYMENT_STOP) {
            throw new IllegalArgumentException("Only a payment stop's answer can say that funds moved on");
        }
        if (preservedUntil != null && type != RequestType.PRESERVATION) {
            throw new IllegalArgumentException("Only a preservation's answer can say until when data is preserved");
        }
        if (preservedUntil != null && !preservedUntil.isAfter(now)) {
            throw new IllegalArgumentException("preservedUntil must be in the future");
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
        status = RequestStatus.ANSWERED;
        answer = new Answer(text, evidence, by, now, onward);
        closedAt = now;
        List<String> planned = new ArrayList<>();
        for (int i = 0; i < onward.size(); i++) {
            if (!onward.get(i).country().equals(requestingCountry)) {
                planned.add(onwardStopId(i));
            }
        }
        if (preservedUntil != null) {
            // the data is kept until then: the mutual legal assistance request that obtains it is drafted now
            // (an extension's answer moves the end; the assistance request is the first preservation's)
            this.preservedUntil = preservedUntil;
            if (!isExtension()) {
                planned.add(assistanceRequestId());
            }
        }
        if (received != null) {
            // the follow-ups are the requesting platform's to draft, from the answer it receives
            planned.clear();
            queueReply(now);
        }
        followUps = List.copyOf(planned);
        followUpsPending = !planned.isEmpty();
        record(now, by, "ANSWERED", preservedUntil != null ? "preserved until " + preservedUntil
                : onward.isEmpty() ? null : "funds moved on: " + onward.stream()
                .map(transfer -> transfer.country() + " " + transfer.destination()).toList());
    }

    /** The id of the mutual legal assistance request drafted from this preservation's answer (the first one's, for an extension). */
    public String assistanceRequestId() {
        return derivedId(isExtension() ? parentId : id, "assistance");
    }

    /** Whether this preservation extends an earlier one (drafted by the platform when its assistance request was late). */
    public boolean isExtension() {
        return "PRESERVATION_EXTENSION".equals(origin) && parentId != null;
    }

    /** The id of the extension of this preservation, drafted when the assistance request is late. */
    public String extensionRequestId() {
        return derivedId(id, "extension");
    }

    /**
     * The id of a request the platform writes on behalf of another ({@code base}), the same every time it is
     * derived: a repeat after a crash finds the one written before.
     */
    public static String derivedId(String base, String what) {
        return UUID.nameUUIDFromBytes((base + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The mutual legal assistance request that obtains what this preservation keeps: to the same country,
     * from the preservation's facts; a draft the officer completes (the nature of the proceedings, the
     * persons) and sends before the preservation ends.
     */
    public CooperationRequest assistanceRequest(LegalBasis basis, Instant now) {
        RequestContent was = content;
        RequestContent next = new RequestContent(was.requestingAuthority(), was.offence(), was.summaryOfFacts(), null, null,
                null, null, null, List.of(), "Obtain the data preserved under request " + id + " for the proceedings",
                was.offence(), null, "Production of the data preserved by " + destinationCountry + " under request " + id
                + " (preserved until " + preservedUntil + "): " + was.dataToPreserve(), List.of(), null, null, null, null,
                null, null, null, null, null, null, null, was.victims());
        CooperationRequest assistance = draft(assistanceRequestId(), "PRESERVATION_FOLLOW_UP", caseId, caseReference,
                requestingCountry, destinationCountry, RequestType.MUTUAL_LEGAL_ASSISTANCE, basis, false, null, handling, next,
                "platform", now);
        assistance.record(now, "platform", "DRAFTED_FROM", id);
        assistance.parentId = id;
        return assistance;
    }

    /**
     * The extension of this preservation, drafted when its end nears and the assistance request has not gone:
     * the same data, custodian and facts, asking that it be kept until the assistance request arrives.
     */
    public CooperationRequest extensionRequest(LegalBasis basis, Instant now) {
        RequestContent was = content;
        RequestContent next = new RequestContent(was.requestingAuthority(), was.offence(), was.summaryOfFacts(),
                was.dataToPreserve(), was.linkToOffence(), was.custodianOrLocation(),
                "Extension of the preservation granted under request " + id + ", which ends " + preservedUntil
                + ": the mutual legal assistance request " + assistanceRequestId() + " has not been sent yet. " + was.necessity(),
                true, List.of(), was.purpose(), null, null, null, List.of(), null, null, null, null, null, null, null, null,
                null, null, null, was.victims());
        CooperationRequest extension = draft(extensionRequestId(), "PRESERVATION_EXTENSION", caseId, caseReference,
                requestingCountry, destinationCountry, RequestType.PRESERVATION, basis, true,
                "The preservation granted under request " + id + " ends " + preservedUntil, handling, next, "platform", now);
        extension.record(now, "platform", "DRAFTED_FROM", id);
        extension.parentId = isExtension() ? parentId : id;
        return extension;
    }

    /** Whole days left until the granted preservation ends (0 on its last day), or null when none was granted. */
    public Long preservationDaysLeft(Instant now) {
        return preservedUntil == null || !preservedUntil.isAfter(now) ? null : Duration.between(now, preservedUntil).toDays();
    }

    /** The id of the stop drafted for the {@code index}-th onward transfer: derived, so that a repeat finds it. */
    private String onwardStopId(int index) {
        return derivedId(id, "onward/" + index);
    }

    /**
     * The payment stop the platform drafts for the {@code index}-th onward transfer of this stop's answer:
     * to the transfer's country, about the account or wallet the funds reached, carrying the whole chain and
     * the first stop's golden-hour clock. A draft for the officer, who sends it with one action (complete
     * when the answer named the institution, the account, the amount, the time and a reference).
     */
    public CooperationRequest onwardStop(int index, LegalBasis basis, Instant now) {
        OnwardTransfer transfer = answer.fundsMovedOn().get(index);
        RequestContent was = content;
        // a hop to a wallet is a crypto-asset transfer, whatever rail the first payment used
        String rail = transfer.account() != null && !transfer.account().isBlank() ? was.paymentRail() : "CRYPTO_ASSET_TRANSFER";
        RequestContent next = new RequestContent(was.requestingAuthority(), was.offence(), was.summaryOfFacts(), null, null,
                null, null, null, List.of(), was.purpose(), null, null, null, List.of(), rail, was.victimBank(),
                transfer.institution(), transfer.destination(), transfer.amount(), transfer.at(),
                transfer.reference() != null ? transfer.reference() : transfer.transactionHash(), null, null, null, null,
                was.victims());
        CooperationRequest stop = draft(onwardStopId(index), "CHAINED", caseId, caseReference, requestingCountry,
                transfer.country(), RequestType.PAYMENT_STOP, basis, true,
                "Funds moved on from " + destinationCountry + " (answer to payment stop " + id + ")", handling, next,
                "platform", now);
        stop.chain = PaymentChain.following(this);
        stop.parentId = id;
        return stop;
    }

    public void refuse(String reason, String by, Instant now) {
        require(status == RequestStatus.SENT || status == RequestStatus.ACKNOWLEDGED, "refused");
        status = RequestStatus.REFUSED;
        refusalReason = reason;
        closedAt = now;
        queueReply(now);
        record(now, by, "REFUSED", reason);
    }

    public void withdraw(String reason, String by, Instant now) {
        require(!status.isFinal(), "withdrawn");
        status = RequestStatus.WITHDRAWN;
        closedAt = now;
        record(now, by, "WITHDRAWN", reason);
    }

    /** A preservation whose period has passed without an answer lapses. */
    public boolean expireIfLapsed(Instant now) {
        if (preservationExpiresAt != null && !status.isFinal() && status != RequestStatus.DRAFT
                && now.isAfter(preservationExpiresAt)) {
            status = RequestStatus.EXPIRED;
            closedAt = now;
            record(now, "system", "EXPIRED", "the preservation period ended");
            return true;
        }
        return false;
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && (status == RequestStatus.SENT || status == RequestStatus.ACKNOWLEDGED) && now.isAfter(dueAt);
    }

    public boolean isPreservationLapsing(Instant now) {
        return preservationExpiresAt != null && !status.isFinal() && now.isAfter(preservationExpiresAt.minus(LAPSE_WARNING));
    }

    /** What the destination receives: the minimum its type needs, with the handling marks. */
    public RequestContent contentForDestination() {
        return content.minimisedFor(type);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw new RequestConflict("Request " + id + " is " + status + " and cannot be " + action);
        }
    }

    private void record(Instant now, String by, String what, String detail) {
        history.add(new Event(now, by, what, detail));
    }

    public void stored() {
        version++;
    }

    public boolean isAddressedTo(String country) {
        return destinationCountry.equals(country);
    }

    public boolean isRequestedBy(String country) {
        return requestingCountry.equals(country);
    }

    public String id() { return id; }
    public String origin() { return origin; }
    public String caseId() { return caseId; }
    public String caseReference() { return caseReference; }
    public String requestingCountry() { return requestingCountry; }
    public String destinationCountry() { return destinationCountry; }
    public RequestType type() { return type; }
    public LegalBasis legalBasis() { return legalBasis; }
    public boolean urgent() { return urgent; }
    public String urgencyReason() { return urgencyReason; }
    public HandlingMarks handling() { return handling; }
    public RequestContent content() { return content; }
    public List<String> missing() { return missing; }
    public RequestStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant sentAt() { return sentAt; }
    public Instant dueAt() { return dueAt; }
    public Instant preservationExpiresAt() { return preservationExpiresAt; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public Answer answer() { return answer; }
    public String refusalReason() { return refusalReason; }
    public Instant closedAt() { return closedAt; }
    public Handoff forwarding() { return forwarding; }
    public List<Event> history() { return List.copyOf(history); }
    public long version() { return version; }
    public PaymentChain chain() { return chain; }
    public List<String> followUps() { return followUps; }
    public boolean followUpsPending() { return followUpsPending; }
    public Instant preservedUntil() { return preservedUntil; }
    public String parentId() { return parentId; }
    public Received received() { return received; }
    public Handoff reply() { return reply; }
    /** Whether the last change queued a reply to the requesting platform (written with the change). */
    public boolean replyQueued() { return replyQueued; }
}
