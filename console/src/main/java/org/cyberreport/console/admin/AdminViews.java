package org.cyberreport.console.admin;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The console's own copies of what the services answer an administrator. */
final class AdminViews {

    private AdminViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String office, String phone, String email) {
    }

    /** A member country in cooperation's liaison directory. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DirectoryEntry(String country, String name, String delivery, String endpoint, String partnerKeyId,
                          String partnerPublicKey, String signingKeyId, Contact contact, Instant updatedAt,
                          String updatedBy, Boolean hitcheck, String hitcheckEndpoint) {

        /** Whether the words typed (any case) are in its code, its name or its office's name. */
        boolean matches(String words, String countryName) {
            if (words == null || words.isBlank()) {
                return true;
            }
            String wanted = words.strip().toLowerCase(Locale.ROOT);
            return contains(country, wanted) || contains(name, wanted) || contains(countryName, wanted)
                    || contact != null && contains(contact.office(), wanted);
        }

        private static boolean contains(String text, String wanted) {
            return text != null && text.toLowerCase(Locale.ROOT).contains(wanted);
        }
    }

    /** A hand-off of a report from intake to triage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportHandoff(String reportId, String reference, String country, long version, String state, int attempts,
                         Instant queuedAt, Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }

    /** A hand-off of an escalation from triage to cooperation. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EscalationHandoff(String escalationId, String caseId, String caseReference, String requestingCountry,
                             String destinationCountry, String requestType, String state, int attempts, Instant queuedAt,
                             Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }

    /** A delivery of a request from cooperation to a partner country's endpoint. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivery(String requestId, String destinationCountry, String type, String state, int attempts,
                    Instant nextAttemptAt, String lastError, Instant parkedAt) {
    }

    /** How one destination country answered the requests of the last twelve months. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scorecard(String country, int sent, int acknowledged, int answered, int refused, int overdue,
                     Long medianSecondsToAcknowledge, Long medianSecondsToAnswer) {
    }
}
