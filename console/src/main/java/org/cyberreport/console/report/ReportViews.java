package org.cyberreport.console.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/** The console's own copies of what intake answers (only the fields the pages use). */
final class ReportViews {

    private ReportViews() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Money(BigDecimal amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Summary(String id, String reference, String status, String category, String subtype,
                   String jurisdictionCountry, String unit, Instant receivedAt, Instant updatedAt, long version,
                   Money totalLoss) {
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

    /** The report's case in triage as last delivered to intake: its level, whether it is worked, its outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseState(String reference, String level, String status, String outcome, Instant closedAt, Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String id, String reference, String status, long version, String country, String unit, String filedBy,
                  Instant receivedAt, Instant updatedAt, JsonNode content, List<AmendmentView> amendments,
                  WithdrawalView withdrawal, CaseState caseState) {

        public boolean withdrawn() {
            return "WITHDRAWN".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AmendmentView(int number, Instant amendedAt, String amendedBy, String reason, List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(String part, String before, String after) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WithdrawalView(Instant withdrawnAt, String withdrawnBy, String reason) {
    }
}
