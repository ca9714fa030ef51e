package org.cyberreport.console.liaison;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/** The console's own copies of what cooperation answers a liaison. */
final class RequestViews {

    private RequestViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LegalBasis(String instrument, String article, List<String> reasoning) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Handling(String tlp, List<String> codes, String permission) {

        Handling {
            codes = codes == null ? List.of() : codes.stream().sorted().toList();
        }

        /** The CSS class of the banner: the TLP 2.0 colour. */
        public String tlpClass() {
            return "tlp-" + (tlp == null ? "clear" : tlp.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String text, String by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String id, String caseReference, String requestingCountry, String destinationCountry, String type,
                   LegalBasis legalBasis, boolean urgent, Handling handling, String status, Instant createdAt,
                   Instant sentAt, Instant dueAt, boolean overdue, Instant preservationExpiresAt,
                   boolean preservationLapsing, Instant acknowledgedAt, Answer answer, String refusalReason,
                   JsonNode content) {

        public boolean awaitsAcknowledgement() {
            return "SENT".equals(status);
        }

        public boolean open() {
            return "SENT".equals(status) || "ACKNOWLEDGED".equals(status);
        }
    }
}
