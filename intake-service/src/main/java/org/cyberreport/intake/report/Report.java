package org.cyberreport.intake.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cyberreport.kit.outbox.Handoff;

/**
 * A cybercrime report filed by a police unit. The aggregate guards its own transitions: a withdrawn
 * report can be neither amended nor withdrawn again; every change raises the version, appends to
 * the history and queues the new version for triage in the same document.
 */
public final class Report {

    private final String id;
    private final String reference;
    private final String country;
    private final String unit;
    private final Actor filedBy;
    private final Instant receivedAt;
    private final Idempotency idempotency;
    private ReportStatus status;
    private long version;
    private Instant updatedAt;
    private ReportContent content;
    private final List<Amendment> amendments;
    private Withdrawal withdrawal;
    private Handoff handoff;
    private final List<EvidenceRef> evidenceFiles;

    /** Rebuilds a stored report; use {@link #file} for a new one. */
    public Report(String id, String reference, String country, String unit, Actor filedBy, Instant receivedAt,
                  Idempotency idempotency, ReportStatus status, long version, Instant updatedAt, ReportContent content,
                  List<Amendment> amendments, Withdrawal withdrawal, Handoff handoff, List<EvidenceRef> evidenceFiles) {
        this.evidenceFiles = new ArrayList<>(evidenceFiles == null ? List.of() : evidenceFiles);
        this.id = Objects.requireNonNull(id);
        this.reference = Objects.requireNonNull(reference);
        this.country = Objects.requireNonNull(country);
        this.unit = Objects.requireNonNull(unit);
        this.filedBy = filedBy;
        this.receivedAt = receivedAt;
        this.idempotency = idempotency;
        this.status = status;
        this.version = version;
        this.updatedAt = updatedAt;
        this.content = content;
        this.amendments = new ArrayList<>(amendments == null ? List.of() : amendments);
        this.withdrawal = withdrawal;
        this.handoff = handoff;
    }

    public static Report file(String id, String reference, String country, String unit, Actor filedBy,
                              ReportContent content, Idempotency idempotency, Instant now) {
        return new Report(id, reference, country, unit, filedBy, now, idempotency, ReportStatus.FILED, 1, now,
                content, List.of(), null, Handoff.pending(1, now), List.of());
    }

    /** Replaces parts of the content; {@code changes} describe them for the history. */
    public Amendment amend(ReportContent amended, String reason, Actor by, List<Amendment.Change> changes, Instant now) {
        requireFiled("amended");
        if (amended.category() != content.category()) {
            throw new IllegalReportTransition("The category of a report cannot be amended; triage reclassifies");
        }
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("An amendment must change something");
        }
        Amendment amendment = new Amendment(amendments.size() + 1, now, by, reason, changes);
        amendments.add(amendment);
        content = amended;
        changed(now);
        return amendment;
    }

    /**
     * An evidence file stored for the report: a new version, so that triage's copy lists it (its bytes stay
     * here; officers read them through intake).
     */
    public void addEvidence(EvidenceRef file, Instant now) {
        requireFiled("given evidence");
        if (evidenceFiles.stream().noneMatch(held -> held.id().equals(file.id()))) {
            evidenceFiles.add(file);
            changed(now);
        }
    }

    public List<EvidenceRef> evidenceFiles() { return List.copyOf(evidenceFiles); }

    public void withdraw(String reason, Actor by, Instant now) {
        requireFiled("withdrawn");
        withdrawal = new Withdrawal(now, by, reason);
        status = ReportStatus.WITHDRAWN;
        changed(now);
    }

    private void requireFiled(String action) {
        if (status == ReportStatus.WITHDRAWN) {
            throw new IllegalReportTransition("Report " + reference + " is withdrawn and cannot be " + action);
        }
    }

    private void changed(Instant now) {
        version++;
        updatedAt = now;
        handoff = Handoff.pending(version, now).keepingTheClaimOf(handoff, now);
    }

    public boolean isWithinUnit(String callerCountry, String callerUnit) {
        return country.equals(callerCountry) && unit.equals(callerUnit);
    }

    public boolean isWithinCountry(String callerCountry) {
        return country.equals(callerCountry);
    }

    public String id() { return id; }
    public String reference() { return reference; }
    public String country() { return country; }
    public String unit() { return unit; }
    public Actor filedBy() { return filedBy; }
    public Instant receivedAt() { return receivedAt; }
    public Idempotency idempotency() { return idempotency; }
    public ReportStatus status() { return status; }
    public long version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public ReportContent content() { return content; }
    public List<Amendment> amendments() { return List.copyOf(amendments); }
    public Withdrawal withdrawal() { return withdrawal; }
    public Handoff handoff() { return handoff; }
}
