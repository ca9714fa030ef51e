package org.cyberreport.console.triage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/** The console's own copies of what triage answers. */
final class CaseViews {

    private CaseViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(String id, String reference, String unit, String category, String subtype, String status, String level,
                   int score, boolean goldenHour, Instant dueAt, Instant receivedAt, String claimedBy, int linkedCases,
                   boolean trafficking) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Summary> items, int page, int size, long totalItems, long totalPages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Factor(String factor, int points, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Priority(int score, String computedLevel, boolean goldenHour, Instant scoredAt, List<Factor> breakdown) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Override(String level, String reason, String by, Instant at, String computedLevel, int computedScore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closure(String outcome, String reason, String by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String caseId, String reference, String country, String level) {
    }

    /**
     * @param identifiers         the identifiers two or more members share (absent in a case's view)
     * @param identifiersUnlisted how many more triage did not list
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cluster(String clusterId, int cases, BigDecimal totalLoss, String currency, int victims, List<String> countries,
                   List<Link> members, List<Identifier> identifiers, int identifiersUnlisted) {

        /**
         * The same cluster with the given case first among the members (numbered 1, and always drawn, however
         * large the cluster), the others in the order triage gave.
         */
        Cluster startingWith(String caseId) {
            if (caseId == null || members == null) {
                return this;
            }
            List<Link> ordered = new java.util.ArrayList<>(members);
            ordered.sort(java.util.Comparator.comparing(member -> !caseId.equals(member.caseId())));
            return new Cluster(clusterId, cases, totalLoss, currency, victims, countries, List.copyOf(ordered), identifiers,
                    identifiersUnlisted);
        }
    }

    /**
     * A shared identifier: its type ({@code IBAN}, {@code WALLET}…), its value unless only cases abroad
     * hold it, and the references of the members holding it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Identifier(String type, String value, boolean abroadOnly, List<String> cases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Note(Instant at, String by, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HistoryEntry(Instant at, String by, String action, Map<String, String> details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Case(String id, String reference, String country, String unit, String filedBy, Instant receivedAt,
                long reportVersion, String reportStatus, String reportedCategory, String category, String subtype,
                String status, String level, Instant dueAt, Priority priority, Override override, String claimedBy,
                Closure closure, List<Link> links, Cluster cluster, List<SetAside> setAside, Trafficking trafficking,
                List<KnownBad> knownBad, List<Note> notes, List<HistoryEntry> history, JsonNode content) {

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public List<KnownBad> knownBadOrNone() {
            return knownBad == null ? List.of() : knownBad;
        }

        /** Whether the originator's permission to export is recorded in the case's history. */
        public boolean exportPermitted() {
            return history != null && history.stream().anyMatch(entry -> "EXPORT_PERMITTED".equals(entry.action()));
        }

        public List<SetAside> setAsideOrNone() {
            return setAside == null ? List.of() : setAside;
        }
    }

    /**
     * An identifier of the report that links no case by itself: on a warning list of shared infrastructure
     * ({@code WARNING_LIST}, with the list's name and version) or naming a platform without an account.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SetAside(String identifier, String reason, String list, String listName, String listVersion) {
    }

    /** The case names possible victims of trafficking: flagged for the unit that handles trafficking. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Trafficking(String unit, int persons, List<String> indicators, List<String> compoundCountries, Instant flaggedAt) {
    }

    /** An identifier of the case an imported feed lists as known bad, and which feed from whom. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KnownBad(String identifier, String feedId, String feed, String source, String tlp, Instant importedAt) {
    }

    /** A draft of the urgent request about a scam compound, as triage proposes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompoundDraft(String destinationCountry, String requestType, boolean urgent, String reason) {
    }

    /** An imported feed of known-bad indicators. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Feed(String id, String name, String source, String format, String tlp, Instant importedAt, String importedBy,
                int identifiers, int skipped) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String text, String by, Instant at) {
    }

    /** A request the officer's country sent abroad, with its delivery and the answer; a draft lists what it lacks. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SentRequest(String id, String caseReference, String destinationCountry, String type, boolean urgent,
                       String status, Instant sentAt, Instant dueAt, boolean overdue, Answer answer, String refusalReason,
                       String delivery, List<String> missing) {

        /** Not yet answered, refused, expired or withdrawn: it may still be withdrawn. */
        public boolean open() {
            return OPEN.contains(status);
        }
    }

    /**
     * One request of the officer's country, as the requesting side reads it: with its whole content, which a
     * completion sends back (the cooperation API replaces the content with the one it is given).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** The states of a request abroad that are not final. */
    static final java.util.Set<String> OPEN = java.util.Set.of("DRAFT", "SENT", "ACKNOWLEDGED");

    record Request(String id, String caseReference, String destinationCountry, String type, boolean urgent, String status,
                   List<String> missing, JsonNode content) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }

        /** A request not yet answered, refused, expired or withdrawn may still be withdrawn. */
        public boolean open() {
            return OPEN.contains(status);
        }
    }
}
