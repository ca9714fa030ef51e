package org.cyberreport.triage.casework.desk;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseConflict;
import org.cyberreport.triage.casework.CaseSlice;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.Officer;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.scoring.Level;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A supervisor's desk: the whole country's queue with who holds what, the officers and what each holds,
 * what is overdue by officer, and reassignment with a reason. All of it within the supervisor's country,
 * and audited.
 */
@Service
public class Supervision {

    private static final List<String> OPEN = List.of(CaseStatus.NEW.name(), CaseStatus.IN_PROGRESS.name());
    private static final List<String> LEVELS = Arrays.stream(Level.values()).map(Level::name).toList();
    /** Overdue cases read for a summary at most: a country with more has a problem the summary shows anyway. */
    private static final int OVERDUE_READ = 5_000;

    private final CaseStore store;
    private final CaseUpdates updates;
    private final OfficerRoster roster;
    private final Scoring scoring;
    private final AuditTrail audit;
    private final MongoTemplate template;

    Supervision(CaseStore store, CaseUpdates updates, OfficerRoster roster, Scoring scoring, AuditTrail audit,
                MongoTemplate template) {
        this.store = store;
        this.updates = updates;
        this.roster = roster;
        this.scoring = scoring;
        this.audit = audit;
        this.template = template;
    }

    /** The country's queue, optionally only what one officer holds ({@code heldBy}) or what nobody holds. */
    public CaseSlice queue(Caller caller, CaseStatus status, Level level, String heldBy, int page, int size) {
        String country = country(caller);
        String subject = null;
        if (heldBy != null) {
            subject = roster.find(country, heldBy).map(OfficerRoster.RosterEntry::subject)
                    .orElseThrow(() -> unknownOfficer(heldBy));
        }
        CaseSlice slice = store.queue(new CaseStore.QueueFilter(country, status, level, null, subject), page, size);
        audit.record(caller, "QUEUE_SUPERVISED", "case", null, Map.of("status", String.valueOf(status),
                "level", String.valueOf(level), "heldBy", String.valueOf(heldBy), "page", String.valueOf(page)));
        return slice;
    }

    /** One officer's load: the open cases held and, of them, those past their due time. */
    public record OfficerLoad(String username, Instant lastSeenAt, long holding, long overdue) {
    }

    /** What is overdue, by officer ({@code null}: nobody holds it) and by level, oldest due time first. */
    public record OverdueByOfficer(String officer, long overdue, Map<Level, Long> byLevel, Instant oldestDueAt) {
    }

    public record OverdueSummary(Instant asOf, long total, boolean complete, List<OverdueByOfficer> officers) {
    }

    public List<OfficerLoad> officers(Caller caller) {
        String country = country(caller);
        Instant now = scoring.now();
        Map<String, long[]> loads = new HashMap<>();
        for (TriageCase held : openCases(country, null)) {
            if (held.claimedBy() != null) {
                long[] load = loads.computeIfAbsent(held.claimedBy().subject(), s -> new long[2]);
                load[0]++;
                if (held.dueAt() != null && held.dueAt().isBefore(now)) {
                    load[1]++;
                }
            }
        }
        List<OfficerLoad> officers = new ArrayList<>();
        for (OfficerRoster.RosterEntry entry : roster.of(country)) {
            long[] load = loads.getOrDefault(entry.subject(), new long[2]);
            officers.add(new OfficerLoad(entry.username(), entry.lastSeenAt(), load[0], load[1]));
        }
        audit.record(caller, "OFFICERS_LISTED", "officer", null, Map.of("officers", String.valueOf(officers.size())));
        return officers;
    }

    public OverdueSummary overdue(Caller caller) {
        String country = country(caller);
        Instant now = scoring.now();
        List<TriageCase> overdue = openCases(country, now);
        Map<String, List<TriageCase>> byOfficer = new HashMap<>();
        overdue.forEach(late -> byOfficer.computeIfAbsent(late.claimedBy() == null ? "" : late.claimedBy().username(),
                officer -> new ArrayList<>()).add(late));
        List<OverdueByOfficer> officers = new ArrayList<>();
        byOfficer.forEach((officer, late) -> {
            Map<Level, Long> byLevel = new EnumMap<>(Level.class);
            late.forEach(c -> byLevel.merge(c.level(), 1L, Long::sum));
            Instant oldest = late.stream().map(TriageCase::dueAt).min(Comparator.naturalOrder()).orElse(null);
            officers.add(new OverdueByOfficer(officer.isEmpty() ? null : officer, late.size(), byLevel, oldest));
        });
        officers.sort(Comparator.comparing(OverdueByOfficer::oldestDueAt));
        audit.record(caller, "OVERDUE_SUMMARISED", "case", null, Map.of("overdue", String.valueOf(overdue.size())));
        return new OverdueSummary(now, overdue.size(), overdue.size() < OVERDUE_READ, officers);
    }

    public TriageCase reassign(Caller caller, String id, String username, String reason) {
        String country = country(caller);
        store.find(id).filter(c -> c.isWithinCountry(country)).orElseThrow(() -> ProblemException.notFound("No case " + id));
        OfficerRoster.RosterEntry to = roster.find(country, username).orElseThrow(() -> unknownOfficer(username));
        Officer supervisor = new Officer(caller.subject(), caller.username());
        AuditRecord record = audit.prepare(caller, "CASE_REASSIGNED", "case", id, Map.of("to", username, "reason", reason));
        TriageCase changed;
        try {
            changed = updates.update(id, c -> {
                c.reassign(to.officer(), reason, supervisor, scoring.now());
                c.holdAuditRecord(audit.pending(record));
            }).orElseThrow(() -> ProblemException.notFound("No case " + id));
        } catch (CaseConflict conflict) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, conflict.getMessage());
        }
        audit.settle(CaseStore.COLLECTION, id, record);
        return changed;
    }

    /** Open cases of the country, all or only those due before {@code dueBefore}: through the queue's index. */
    private List<TriageCase> openCases(String country, Instant dueBefore) {
        var criteria = where("country").is(country).and("status").in(OPEN).and("level").in(LEVELS);
        if (dueBefore != null) {
            criteria = criteria.and("dueAt").lt(Date.from(dueBefore));
        }
        Query open = query(criteria).limit(OVERDUE_READ);
        open.fields().include("_id", "reference", "country", "level", "dueAt", "status", "claimedBy", "reportVersion", "version");
        return template.find(open, TriageCase.class, "cases");
    }

    private static ProblemException unknownOfficer(String username) {
        return new ProblemException(ProblemKind.UNPROCESSABLE, "No triage officer " + username + " in the country",
                List.of(new FieldViolation("officer", "is not a triage officer of the supervisor's country")));
    }

    private static String country(Caller caller) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        return caller.country();
    }
}
