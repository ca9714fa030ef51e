package org.cyberreport.triage.casework.desk;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.outbox.Handoff;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseConflict;
import org.cyberreport.triage.casework.CaseSlice;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.Officer;
import org.cyberreport.triage.casework.Outcome;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.ClusterStore;
import org.cyberreport.triage.escalation.EscalationContent;
import org.cyberreport.triage.escalation.EscalationMessage;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.Level;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What triage officers do with the cases of their country: read, work the queue, claim and release,
 * reclassify, override the level with a reason, add notes, close, escalate. Cases of another country
 * do not exist for them. Every consultation and change is audited.
 */
@Service
public class CaseDesk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CaseDesk.class);

    private static final String ESCALATIONS = "escalations";

    private final CaseStore store;
    private final CaseUpdates updates;
    private final Scoring scoring;
    private final AuditTrail audit;
    private final MongoTemplate template;
    private final OutboxRelay escalations;
    private final HeldEscalations heldEscalations;
    private final JsonMapper json;
    private final ClusterStore clusters;
    private final OfficerRoster roster;

    CaseDesk(CaseStore store, CaseUpdates updates, Scoring scoring, AuditTrail audit, MongoTemplate template,
             @Qualifier("escalationRelay") OutboxRelay escalations, JsonMapper json, ClusterStore clusters, HeldEscalations heldEscalations,
             OfficerRoster roster) {
        this.clusters = clusters;
        this.roster = roster;
        this.heldEscalations = heldEscalations;
        this.store = store;
        this.updates = updates;
        this.scoring = scoring;
        this.audit = audit;
        this.template = template;
        this.escalations = escalations;
        this.json = json;
    }

    public TriageCase read(Caller caller, String id) {
        TriageCase found = visible(caller, id);
        audit.record(caller, "CASE_CONSULTED", "case", id, Map.of("reference", found.reference()));
        return found;
    }

    public CaseSlice queue(Caller caller, CaseStatus status, Level level, String category, boolean claimedByMe,
                                     int page, int size) {
        return queue(caller, status, level, category, claimedByMe, false, page, size);
    }

    /** @param trafficking only the cases flagged for the unit that handles trafficking */
    public CaseSlice queue(Caller caller, CaseStatus status, Level level, String category, boolean claimedByMe,
                           boolean trafficking, int page, int size) {
        requireCountry(caller);
        CaseSlice slice = store.queue(new CaseStore.QueueFilter(caller.country(), status, level, category,
                claimedByMe ? caller.subject() : null, trafficking), page, size);
        audit.record(caller, "QUEUE_LISTED", "case", null, Map.of("status", String.valueOf(status),
                "level", String.valueOf(level), "category", String.valueOf(category), "page", String.valueOf(page),
                "trafficking", String.valueOf(trafficking), "returned", String.valueOf(slice.items().size())));
        return slice;
    }

    /**
     * A cluster, for an officer who has at least one of its cases: its members (the view shows cases
     * abroad by reference and country only) and the identifiers they share, whose values only where a
     * case of the officer's country holds them ({@link SharedIdentifiers}).
     */
    public ClusterReading cluster(Caller caller, String clusterId) {
        requireCountry(caller);
        List<TriageCase> members = store.inCluster(clusterId);
        if (members.stream().noneMatch(c -> c.isWithinCountry(caller.country()))) {
            throw ProblemException.notFound("No cluster " + clusterId);
        }
        SharedIdentifiers identifiers = SharedIdentifiers.among(members, caller.country(), SharedIdentifiers.LIMIT);
        audit.record(caller, "CLUSTER_CONSULTED", "cluster", clusterId, Map.of("cases", String.valueOf(members.size()),
                "identifiers", String.valueOf(identifiers.listed().size() + identifiers.unlisted())));
        return new ClusterReading(members, identifiers);
    }

    public record ClusterReading(List<TriageCase> members, SharedIdentifiers identifiers) {
    }

    /** A case of the caller's country, not audited here (the caller audits what it does with it); 404 otherwise. */
    public TriageCase inScope(Caller caller, String id) {
        return visible(caller, id);
    }

    /** A cluster's members, for an officer who has at least one of its cases (404 otherwise); not audited here. */
    public List<TriageCase> clusterInScope(Caller caller, String clusterId) {
        requireCountry(caller);
        List<TriageCase> members = store.inCluster(clusterId);
        if (members.stream().noneMatch(c -> c.isWithinCountry(caller.country()))) {
            throw ProblemException.notFound("No cluster " + clusterId);
        }
        return members;
    }

    /** A supervisor records the originator's permission to export a case marked TLP:RED or H2. */
    public TriageCase permitExport(Caller caller, String id, String permission, String marks) {
        return change(caller, id, "EXPORT_PERMITTED", Map.of("permission", permission, "marks", marks),
                c -> c.permitExport(permission, marks, officer(caller), scoring.now()));
    }

    /**
     * The figures of a case's cluster as they are now (the case itself keeps those it was last scored
     * against); null when the case is in no cluster.
     */
    public ClusterFacts clusterOf(TriageCase triageCase) {
        return triageCase.clusterId() == null ? null : clusters.find(triageCase.clusterId()).orElse(triageCase.cluster());
    }

    /** The linked cases of a case (a bounded sample: the cluster's figures count them all), as far as they exist. */
    public List<TriageCase> linked(TriageCase triageCase) {
        return store.findAll(triageCase.linkedCaseIds());
    }

    public TriageCase claim(Caller caller, String id) {
        return change(caller, id, "CASE_CLAIMED", Map.of(), c -> c.claim(officer(caller), scoring.now()));
    }

    public TriageCase release(Caller caller, String id) {
        return change(caller, id, "CASE_RELEASED", Map.of(), c -> c.release(officer(caller), scoring.now()));
    }

    public TriageCase reclassify(Caller caller, String id, String category, String subtype, String reason) {
        return change(caller, id, "CASE_RECLASSIFIED", Map.of("category", category, "subtype", subtype, "reason", reason),
                c -> {
                    c.reclassify(category, subtype, reason, officer(caller), scoring.now());
                    scoring.rescore(c);
                });
    }

    public TriageCase overrideLevel(Caller caller, String id, Level level, String reason) {
        return change(caller, id, "CASE_LEVEL_OVERRIDDEN", Map.of("level", level.name(), "reason", reason),
                c -> c.overrideLevel(level, reason, officer(caller), scoring.scorer()::respondWithin, scoring.now()));
    }

    public TriageCase addNote(Caller caller, String id, String text) {
        return change(caller, id, "CASE_NOTE_ADDED", Map.of(), c -> c.addNote(text, officer(caller), scoring.now()));
    }

    public TriageCase close(Caller caller, String id, Outcome outcome, String reason) {
        return change(caller, id, "CASE_CLOSED", Map.of("outcome", outcome.name(), "reason", reason),
                c -> c.close(outcome, reason, officer(caller), scoring.now()));
    }

    /**
     * Records a durable hand-off to cooperation: its own document, with the request and an outbox entry
     * that is first HELD (the relay leaves it alone), then the case's history, which refuses a case
     * closed meanwhile, and only then released to the relay (PENDING) or, when the case refused it,
     * CANCELLED. So an escalation racing a closure is either escalated and then closed, or refused,
     * never refused and sent. A crash between the steps leaves it HELD; {@link HeldEscalations}
     * settles it by what the case's history says.
     */
    public Escalated escalate(Caller caller, String id, String destination, String requestType, boolean urgent,
                              String reason) {
        TriageCase current = visible(caller, id);
        if (current.status() == CaseStatus.CLOSED) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "Case " + current.reference() + " is closed");
        }
        if (destination.equals(current.country())) {
            throw ProblemException.invalid(List.of(new FieldViolation(
                    "destinationCountry", "must be another country than the case's own")));
        }
        String escalationId = UUID.randomUUID().toString();
        Instant now = scoring.now();
        ReportFacts.Handling marks = current.facts().handling();
        EscalationMessage message = new EscalationMessage(escalationId, id, current.reference(), current.country(),
                destination, requestType, urgent, reason, caller.username(),
                marks == null ? null : new EscalationMessage.Handling(marks.tlp(), marks.codes(), null),
                EscalationContent.of(requestType, current.country(), current.reference(), current.category(),
                        current.subtype(), narrative(current), current.facts(), List.copyOf(current.indicatorKeys()), reason));
        Document escalation = new Document();
        template.getConverter().write(message, escalation);
        escalation.append("_id", escalationId).append("escalationId", escalationId).remove("_class");
        escalation.append("requestedAt", Date.from(now))
                .append("handoff", template.getConverter().convertToMongoType(Handoff.held(1, null, now)));
        template.insert(escalation, ESCALATIONS);
        try {
            change(caller, id, "CASE_ESCALATED", Map.of("escalation", escalationId, "destination", destination,
                    "requestType", requestType), c -> c.escalated(escalationId, destination, requestType, officer(caller), now));
        } catch (ProblemException refused) {
            heldEscalations.settle(escalationId, false);
            throw refused;
        }
        heldEscalations.settle(escalationId, true); // and wakes the relay
        log.info("Case {} escalated to {} ({}{}) as {}", id, destination, requestType, urgent ? ", urgent" : "", escalationId);
        return new Escalated(escalationId, id, destination, requestType, urgent, "PENDING", now);
    }

    public record Escalated(String escalationId, String caseId, String destinationCountry, String requestType,
                            boolean urgent, String delivery, Instant requestedAt) {
    }

    private String narrative(TriageCase triageCase) {
        try {
            JsonNode narrative = json.readTree(triageCase.contentJson()).path("narrative");
            return narrative.isString() ? narrative.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private TriageCase change(Caller caller, String id, String action, Map<String, String> details,
                              Consumer<TriageCase> change) {
        visible(caller, id);
        // the change and its audit record are one write; the record then joins the trail
        AuditRecord record = audit.prepare(caller, action, "case", id, details);
        TriageCase changed;
        try {
            changed = updates.update(id, c -> {
                change.accept(c);
                c.holdAuditRecord(audit.pending(record));
            }).orElseThrow(() -> ProblemException.notFound("No case " + id));
        } catch (CaseConflict conflict) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, conflict.getMessage());
        }
        audit.settle(CaseStore.COLLECTION, id, record);
        return changed;
    }

    private TriageCase visible(Caller caller, String id) {
        requireCountry(caller);
        return store.find(id).filter(c -> c.isWithinCountry(caller.country()))
                .orElseThrow(() -> ProblemException.notFound("No case " + id));
    }

    private void requireCountry(Caller caller) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        roster.seen(caller);
    }

    private static Officer officer(Caller caller) {
        return new Officer(caller.subject(), caller.username());
    }
}
