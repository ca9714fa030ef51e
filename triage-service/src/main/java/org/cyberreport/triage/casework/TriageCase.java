package org.cyberreport.triage.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.Level;
import org.cyberreport.triage.scoring.Priority;

/**
 * A report as triage works it: one case per report, kept at the report's latest version, with a
 * priority that explains itself, the cases it is linked to, and its history. Methods refuse what the
 * case's state does not allow.
 */
public final class TriageCase {

    private final String id;
    private final String reference;
    private final String country;
    private final String unit;
    private final String filedBy;
    private final Instant receivedAt;
    private long reportVersion;
    private String reportStatus;
    private String reportedCategory;
    private String category;
    private String subtype;
    private ReportFacts facts;
    private String contentJson;
    private Set<String> indicatorKeys;
    private List<SetAsideIdentifier> setAside;
    private Set<String> linkedCaseIds;
    private String clusterId;
    private ClusterFacts cluster;
    private Priority priority;
    private LevelOverride override;
    private Level level;
    private Instant dueAt;
    private CaseStatus status;
    private Officer claimedBy;
    private Closure closure;
    private final List<Note> notes;
    private final List<HistoryEntry> history;
    private long version;
    private Instant updatedAt;
    private TraffickingFlag trafficking;
    /**
     * The audit records of changes stored in this document but not yet in the service's trail (kept as
     * the trail's documents; the store settles them at once, or its next pass after a crash).
     */
    private List<Map<String, Object>> pendingAudit = new ArrayList<>();

    /** Rebuilds a stored case. */
    public TriageCase(String id, String reference, String country, String unit, String filedBy, Instant receivedAt,
                      long reportVersion, String reportStatus, String reportedCategory, String category, String subtype,
                      ReportFacts facts, String contentJson, Set<String> indicatorKeys, List<SetAsideIdentifier> setAside,
                      Set<String> linkedCaseIds, String clusterId, ClusterFacts cluster, Priority priority, LevelOverride override, Level level,
                      Instant dueAt, CaseStatus status, Officer claimedBy, Closure closure, List<Note> notes,
                      List<HistoryEntry> history, long version, Instant updatedAt, TraffickingFlag trafficking) {
        this.trafficking = trafficking;
        this.id = id;
        this.reference = reference;
        this.country = country;
        this.unit = unit;
        this.filedBy = filedBy;
        this.receivedAt = receivedAt;
        this.reportVersion = reportVersion;
        this.reportStatus = reportStatus;
        this.reportedCategory = reportedCategory;
        this.category = category;
        this.subtype = subtype;
        this.facts = facts;
        this.contentJson = contentJson;
        this.indicatorKeys = new TreeSet<>(indicatorKeys == null ? Set.of() : indicatorKeys);
        this.setAside = setAside == null ? List.of() : List.copyOf(setAside);
        this.linkedCaseIds = new TreeSet<>(linkedCaseIds == null ? Set.of() : linkedCaseIds);
        this.clusterId = clusterId;
        this.cluster = cluster;
        this.priority = priority;
        this.override = override;
        this.level = level;
        this.dueAt = dueAt;
        this.status = status;
        this.claimedBy = claimedBy;
        this.closure = closure;
        this.notes = new ArrayList<>(notes == null ? List.of() : notes);
        this.history = new ArrayList<>(history == null ? List.of() : history);
        this.version = version;
        this.updatedAt = updatedAt;
    }

    public static TriageCase open(ReportHandoff report, String contentJson, Set<String> indicatorKeys, Instant now) {
        return open(report, contentJson, indicatorKeys, List.of(), now);
    }

    public static TriageCase open(ReportHandoff report, String contentJson, Set<String> indicatorKeys,
                                  List<SetAsideIdentifier> setAside, Instant now) {
        ReportFacts facts = report.content();
        TriageCase opened = new TriageCase(report.reportId(), report.reference(), report.country(), report.unit(),
                report.filedBy(), report.receivedAt(), report.version(), report.status(), facts.category(),
                facts.category(), facts.subtype(), facts, contentJson, indicatorKeys, setAside, Set.of(), null, null,
                null, null, null, null, CaseStatus.NEW, null, null, List.of(), List.of(), 0, now, null);
        opened.record(now, Officer.SYSTEM, "OPENED", Map.of("reportVersion", String.valueOf(report.version())));
        opened.recordSetAside(List.of(), now, "IDENTIFIERS_SET_ASIDE");
        if (report.isWithdrawn()) {
            opened.closeAsWithdrawn(now);
        }
        return opened;
    }

    /** Takes a newer version of the report; an older or equal one changes nothing and returns false. */
    public boolean takeReportVersion(ReportHandoff report, String contentJson, Set<String> indicatorKeys, Instant now) {
        return takeReportVersion(report, contentJson, indicatorKeys, setAside, now);
    }

    public boolean takeReportVersion(ReportHandoff report, String contentJson, Set<String> indicatorKeys,
                                     List<SetAsideIdentifier> setAside, Instant now) {
        if (report.version() <= reportVersion) {
            return false;
        }
        List<SetAsideIdentifier> before = this.setAside;
        this.setAside = List.copyOf(setAside);
        boolean reclassified = !category.equals(reportedCategory);
        reportVersion = report.version();
        reportStatus = report.status();
        facts = report.content();
        this.contentJson = contentJson;
        this.indicatorKeys = new TreeSet<>(indicatorKeys);
        reportedCategory = facts.category();
        if (!reclassified) {
            category = facts.category();
            subtype = facts.subtype();
        }
        record(now, Officer.SYSTEM, report.isWithdrawn() ? "REPORT_WITHDRAWN" : "REPORT_AMENDED",
                Map.of("reportVersion", String.valueOf(report.version())));
        if (!before.equals(this.setAside)) {
            recordSetAside(before, now, "IDENTIFIERS_SET_ASIDE");
        }
        if (report.isWithdrawn() && status != CaseStatus.CLOSED) {
            closeAsWithdrawn(now);
        }
        return true;
    }

    /**
     * Flags the case for the unit that handles trafficking while its report names a possible victim of
     * trafficking (or updates the flag when an amendment changes who or what), and takes the flag away
     * when an amendment removes them; each change is in the history. False when nothing changed.
     */
    public boolean flagForTrafficking(String traffickingUnit, Instant now) {
        List<ReportFacts.PossibleTraffickingVictim> persons = facts.possibleTraffickingVictims();
        if (persons.isEmpty()) {
            if (trafficking == null) {
                return false;
            }
            trafficking = null;
            record(now, Officer.SYSTEM, "TRAFFICKING_FLAG_REMOVED", Map.of());
            return true;
        }
        Set<String> indicators = new TreeSet<>();
        Set<String> countries = new TreeSet<>();
        persons.forEach(person -> {
            indicators.addAll(person.indicators());
            if (person.compound() != null && person.compound().country() != null) {
                countries.add(person.compound().country());
            }
        });
        TraffickingFlag flag = new TraffickingFlag(true, traffickingUnit, persons.size(), indicators,
                List.copyOf(countries), trafficking == null ? now : trafficking.flaggedAt());
        if (flag.equals(trafficking)) {
            return false;
        }
        boolean first = trafficking == null;
        trafficking = flag;
        Map<String, String> details = new java.util.TreeMap<>();
        details.put("persons", String.valueOf(persons.size()));
        details.put("indicators", String.join(", ", indicators));
        if (traffickingUnit != null) {
            details.put("unit", traffickingUnit);
        }
        if (!countries.isEmpty()) {
            details.put("compoundCountries", String.join(", ", countries));
        }
        record(now, Officer.SYSTEM, first ? "FLAGGED_FOR_TRAFFICKING_UNIT" : "TRAFFICKING_FLAG_UPDATED", details);
        return true;
    }

    /**
     * A supervisor records that the originator permitted the export of a case marked TLP:RED or H2 (who
     * gave it, under which reference): the case's identifiers may then leave, marked as they are.
     */
    public void permitExport(String permission, String marks, Officer supervisor, Instant now) {
        record(now, supervisor, "EXPORT_PERMITTED", Map.of("permission", permission, "marks", marks));
    }

    /**
     * Whether the originator's permission to export is recorded for the marks the report has now: an
     * amendment that changes them (to TLP:RED from AMBER+STRICT, say) needs a permission of its own.
     */
    public boolean exportPermitted(String marks) {
        return history.stream().anyMatch(entry -> "EXPORT_PERMITTED".equals(entry.action())
                && marks.equals(entry.details().get("marks")));
    }

    private void closeAsWithdrawn(Instant now) {
        status = CaseStatus.CLOSED;
        stopRescoring();
        claimedBy = null;
        closure = new Closure(Outcome.WITHDRAWN_BY_UNIT, "The filing unit withdrew the report", Officer.SYSTEM.username(), now);
        record(now, Officer.SYSTEM, "CLOSED", Map.of("outcome", Outcome.WITHDRAWN_BY_UNIT.name()));
    }

    /** Sets the computed priority; an officer's override keeps deciding the level. */
    public void prioritise(Priority computed, Function<Level, Duration> respondWithin, Instant now) {
        Priority previous = priority;
        priority = computed;
        if (status == CaseStatus.CLOSED) {
            stopRescoring();
        }
        level = override == null ? computed.level() : override.level();
        dueAt = receivedAt.plus(respondWithin.apply(level));
        if (previous == null || previous.score() != computed.score() || previous.level() != computed.level()) {
            record(now, Officer.SYSTEM, "SCORED", Map.of("score", String.valueOf(computed.score()),
                    "level", computed.level().name()));
        }
    }

    /**
     * Sets the case's direct links (a bounded sample of the cases sharing an indicator with it), its
     * cluster and the cluster's figures it is scored against.
     */
    public void link(Set<String> linked, String clusterId, ClusterFacts cluster, Instant now) {
        Set<String> added = new TreeSet<>(linked);
        added.removeAll(linkedCaseIds);
        Set<String> removed = new TreeSet<>(linkedCaseIds);
        removed.removeAll(linked);
        this.linkedCaseIds = new TreeSet<>(linked);
        inCluster(clusterId, cluster);
        recordLinks(added.size(), removed.size(), now);
    }

    /** A case filed later shares an indicator with this one: noted while the sample has room. */
    public void addLink(String caseId, int bound, Instant now) {
        if (!id.equals(caseId) && !linkedCaseIds.contains(caseId) && linkedCaseIds.size() < bound) {
            linkedCaseIds.add(caseId);
            recordLinks(1, 0, now);
        }
    }

    /** The case's cluster and the figures it is scored against (kept as they were at the last re-score). */
    public void inCluster(String clusterId, ClusterFacts cluster) {
        this.clusterId = clusterId;
        this.cluster = cluster;
    }

    private void recordLinks(int added, int removed, Instant now) {
        // Counts only: linked cases may belong to other countries, whose identifiers are not shown here
        // (the case's links name them by reference and country).
        if (added > 0) {
            record(now, Officer.SYSTEM, "LINKED", clusterId == null ? Map.of("cases", String.valueOf(added))
                    : Map.of("cases", String.valueOf(added), "cluster", clusterId));
        }
        if (removed > 0) {
            record(now, Officer.SYSTEM, "UNLINKED", Map.of("cases", String.valueOf(removed)));
        }
    }

    /** A closed case's priority no longer moves with time: it leaves the re-scoring index. */
    private void stopRescoring() {
        if (priority != null && priority.rescoreAt() != null) {
            priority = new Priority(priority.score(), priority.level(), priority.dueAt(), priority.goldenHour(),
                    priority.breakdown(), priority.scoredAt(), null);
        }
    }

    public void claim(Officer officer, Instant now) {
        requireOpen("claimed");
        if (claimedBy != null) {
            throw new CaseConflict("Case " + reference + " is already claimed by " + claimedBy.username());
        }
        claimedBy = officer;
        status = CaseStatus.IN_PROGRESS;
        record(now, officer, "CLAIMED", Map.of());
    }

    /** A supervisor gives the case to another officer of the country, with a reason; a closed case stays closed. */
    public void reassign(Officer to, String reason, Officer supervisor, Instant now) {
        requireOpen("reassigned");
        if (claimedBy != null && claimedBy.subject().equals(to.subject())) {
            throw new CaseConflict("Case " + reference + " is already held by " + to.username());
        }
        String from = claimedBy == null ? "" : claimedBy.username();
        claimedBy = to;
        status = CaseStatus.IN_PROGRESS;
        record(now, supervisor, "REASSIGNED", Map.of("from", from, "to", to.username(), "reason", reason));
    }

    public void release(Officer officer, Instant now) {
        requireOpen("released");
        if (claimedBy == null || !claimedBy.subject().equals(officer.subject())) {
            throw new CaseConflict("Case " + reference + " is not claimed by " + officer.username());
        }
        claimedBy = null;
        status = CaseStatus.NEW;
        record(now, officer, "RELEASED", Map.of());
    }

    public void reclassify(String newCategory, String newSubtype, String reason, Officer officer, Instant now) {
        requireOpen("reclassified");
        record(now, officer, "RECLASSIFIED", Map.of("from", category + "/" + subtype,
                "to", newCategory + "/" + newSubtype, "reason", reason));
        category = newCategory;
        subtype = newSubtype;
    }

    public void overrideLevel(Level newLevel, String reason, Officer officer, Function<Level, Duration> respondWithin,
                              Instant now) {
        requireOpen("re-prioritised");
        override = new LevelOverride(newLevel, reason, officer.username(), now, priority.level(), priority.score());
        record(now, officer, "LEVEL_OVERRIDDEN", Map.of("from", level.name(), "to", newLevel.name(),
                "computedLevel", priority.level().name(), "computedScore", String.valueOf(priority.score()),
                "reason", reason));
        level = newLevel;
        dueAt = receivedAt.plus(respondWithin.apply(newLevel));
    }

    public void addNote(String text, Officer officer, Instant now) {
        notes.add(new Note(now, officer.username(), text));
        record(now, officer, "NOTE_ADDED", Map.of());
    }

    public void close(Outcome outcome, String reason, Officer officer, Instant now) {
        requireOpen("closed");
        status = CaseStatus.CLOSED;
        stopRescoring();
        claimedBy = null;
        closure = new Closure(outcome, reason, officer.username(), now);
        record(now, officer, "CLOSED", Map.of("outcome", outcome.name(), "reason", reason));
    }

    public void escalated(String escalationId, String destination, String requestType, Officer officer, Instant now) {
        requireOpen("escalated");
        record(now, officer, "ESCALATED", Map.of("escalation", escalationId, "destination", destination,
                "requestType", requestType));
    }

    private void requireOpen(String action) {
        if (status == CaseStatus.CLOSED) {
            throw new CaseConflict("Case " + reference + " is closed and cannot be " + action);
        }
    }

    private void record(Instant now, Officer officer, String action, Map<String, String> details) {
        history.add(new HistoryEntry(now, officer.username(), action, details));
        updatedAt = now;
    }

    /** Called by the store after a successful write. */
    /**
     * Applies warning lists that changed since the case was correlated: the identifiers that link and
     * those set aside now, recorded in the history with the lists' versions. False when nothing changed.
     */
    public boolean applyWarningLists(Set<String> keys, List<SetAsideIdentifier> nowSetAside, Instant now) {
        if (keys.equals(indicatorKeys) && nowSetAside.equals(setAside)) {
            return false;
        }
        List<SetAsideIdentifier> before = setAside;
        Set<String> released = new TreeSet<>(keys);
        released.removeAll(indicatorKeys);
        indicatorKeys = new TreeSet<>(keys);
        setAside = List.copyOf(nowSetAside);
        recordSetAside(before, now, "WARNING_LISTS_APPLIED");
        if (!released.isEmpty()) {
            record(now, Officer.SYSTEM, "IDENTIFIERS_LINKING_AGAIN",
                    Map.of("identifiers", String.join(", ", released)));
        }
        return true;
    }

    private void recordSetAside(List<SetAsideIdentifier> before, Instant now, String action) {
        List<SetAsideIdentifier> added = setAside.stream().filter(aside -> !before.contains(aside)).toList();
        if (added.isEmpty() && action.equals("IDENTIFIERS_SET_ASIDE")) {
            return;
        }
        Map<String, String> details = new java.util.TreeMap<>();
        if (!added.isEmpty()) {
            details.put("identifiers", String.join(", ", added.stream().map(SetAsideIdentifier::identifier).toList()));
            details.put("lists", String.join(", ", added.stream()
                    .map(aside -> aside.list() == null ? aside.reason().name() : aside.list() + "@" + aside.listVersion())
                    .distinct().toList()));
        }
        record(now, Officer.SYSTEM, action, details);
    }

    public void stored() {
        version++;
    }

    /** Keeps the audit record of the change being made, to be stored in the same write as the change. */
    public void holdAuditRecord(Map<String, Object> record) {
        if (pendingAudit == null) {
            pendingAudit = new ArrayList<>();
        }
        pendingAudit.add(record);
    }

    public boolean isWithinCountry(String callerCountry) {
        return country.equals(callerCountry);
    }

    public String id() { return id; }
    public String reference() { return reference; }
    public String country() { return country; }
    public String unit() { return unit; }
    public String filedBy() { return filedBy; }
    public Instant receivedAt() { return receivedAt; }
    public long reportVersion() { return reportVersion; }
    public String reportStatus() { return reportStatus; }
    public String reportedCategory() { return reportedCategory; }
    public String category() { return category; }
    public String subtype() { return subtype; }
    public ReportFacts facts() { return facts; }
    public String contentJson() { return contentJson; }
    public Set<String> indicatorKeys() { return Set.copyOf(indicatorKeys); }
    public List<SetAsideIdentifier> setAside() { return setAside; }
    public Set<String> linkedCaseIds() { return Set.copyOf(linkedCaseIds); }
    public String clusterId() { return clusterId; }
    public ClusterFacts cluster() { return cluster; }
    public Priority priority() { return priority; }
    public LevelOverride override() { return override; }
    public Level level() { return level; }
    public Instant dueAt() { return dueAt; }
    public CaseStatus status() { return status; }
    public Officer claimedBy() { return claimedBy; }
    public Closure closure() { return closure; }
    public List<Note> notes() { return List.copyOf(notes); }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    public long version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public TraffickingFlag trafficking() { return trafficking; }
}
