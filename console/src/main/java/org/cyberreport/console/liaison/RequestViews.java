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

    record Hop(String country, String institution, String account, String amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String text, String by, Instant at) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Request(String id, String caseReference, String requestingCountry, String destinationCountry, String type,
                   LegalBasis legalBasis, boolean urgent, Handling handling, String status, Instant createdAt,
                   Instant sentAt, Instant dueAt, boolean overdue, Instant preservationExpiresAt,
                   boolean preservationLapsing, Instant acknowledgedAt, Answer answer, String refusalReason,
                   JsonNode content, JsonNode chain, Instant preservedUntil) {

        /** For a payment stop that follows the money: when its golden hour began (the first payment), or null. */
        public Instant goldenHourFrom() {
            return chain == null || !chain.hasNonNull("goldenHourFrom") ? null : Instant.parse(chain.get("goldenHourFrom").asString());
        }

        /** The places the money passed through before this stop, oldest first. */
        public List<Hop> hops() {
            if (chain == null || !chain.has("hops")) {
                return List.of();
            }
            return chain.get("hops").valueStream().map(hop -> new Hop(text(hop, "country"), text(hop, "institution"),
                    text(hop, "account"), hop.hasNonNull("amount") && hop.get("amount").hasNonNull("amount")
                    ? hop.get("amount").get("amount").decimalValue().stripTrailingZeros().toPlainString() + " "
                    + text(hop.get("amount"), "currency") : "")).toList();
        }

        private static String text(JsonNode node, String field) {
            return node.hasNonNull(field) ? node.get(field).asString() : "";
        }

        public boolean awaitsAcknowledgement() {
            return "SENT".equals(status);
        }

        public boolean open() {
            return "SENT".equals(status) || "ACKNOWLEDGED".equals(status);
        }
    }

    /** An evidence file the request carries (its bytes stay in the reporting country until downloaded). */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record AttachedFile(String fileId, String name, String mediaType, long size, String sha256, String attachedBy,
                        java.time.Instant attachedAt) {
    }
}
