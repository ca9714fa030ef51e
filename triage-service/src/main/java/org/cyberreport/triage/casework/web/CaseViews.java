package org.cyberreport.triage.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.Closure;
import org.cyberreport.triage.casework.HistoryEntry;
import org.cyberreport.triage.casework.LevelOverride;
import org.cyberreport.triage.casework.Note;
import org.cyberreport.triage.casework.SetAsideIdentifier;
import org.cyberreport.triage.casework.TraffickingFlag;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.SharedIdentifiers;
import org.cyberreport.triage.scoring.FactorScore;
import org.cyberreport.triage.scoring.Level;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** How cases appear to officers. */
final class CaseViews {

    private CaseViews() {
    }

    record CaseSummary(String id, String reference, String unit, String category, String subtype, CaseStatus status,
                       Level level, int score, boolean goldenHour, Instant dueAt, Instant receivedAt, String claimedBy,
                       int linkedCases, boolean trafficking) {
        static CaseSummary of(TriageCase c) {
            return new CaseSummary(c.id(), c.reference(), c.unit(), c.category(), c.subtype(), c.status(), c.level(),
                    c.priority().score(), c.priority().goldenHour(), c.dueAt(), c.receivedAt(),
                    c.claimedBy() == null ? null : c.claimedBy().username(), c.linkedCaseIds().size(),
                    c.trafficking() != null);
        }
    }

    record CasePage(List<CaseSummary> items, int page, int size, long totalItems, long totalPages) {
    }

    /** A linked case: in full reference only; its id only when it is in the officer's own country. */
    record LinkView(String caseId, String reference, String country, Level level) {
        static LinkView of(TriageCase linked, String viewerCountry) {
            boolean own = linked.isWithinCountry(viewerCountry);
            return new LinkView(own ? linked.id() : null, linked.reference(), linked.country(), own ? linked.level() : null);
        }
    }

    /**
     * @param identifiers         the identifiers that link two or more of the members (none in a case's view)
     * @param identifiersUnlisted how many more link members beyond those listed
     */
    record ClusterView(String clusterId, int cases, BigDecimal totalLoss, String currency, int victims, List<String> countries,
                       List<LinkView> members, List<IdentifierView> identifiers, int identifiersUnlisted) {
    }

    /** A shared identifier: its value only when a case of the officer's country holds it; its cases by reference. */
    record IdentifierView(String type, String value, boolean abroadOnly, List<String> cases) {
        static IdentifierView of(SharedIdentifiers.Shared shared) {
            return new IdentifierView(shared.type(), shared.value(), shared.abroadOnly(), shared.cases());
        }
    }

    record PriorityView(int score, Level computedLevel, boolean goldenHour, Instant scoredAt, List<FactorScore> breakdown) {
    }

    record CaseView(String id, String reference, String country, String unit, String filedBy, Instant receivedAt,
                    long reportVersion, String reportStatus, String reportedCategory, String category, String subtype,
                    CaseStatus status, Level level, Instant dueAt, PriorityView priority, LevelOverride override,
                    String claimedBy, Closure closure, List<LinkView> links, ClusterView cluster,
                    List<SetAsideIdentifier> setAside, TraffickingFlag trafficking, List<KnownBadView> knownBad,
                    List<Note> notes, List<HistoryEntry> history, @JsonRawValue String content) {
    }

    /** An identifier of the case that an imported feed lists as known bad, and which feed. */
    record KnownBadView(String identifier, String feedId, String feed, String source, String tlp, Instant importedAt) {
    }
}
