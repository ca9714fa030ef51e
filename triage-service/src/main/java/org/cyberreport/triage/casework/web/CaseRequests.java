package org.cyberreport.triage.casework.web;

import org.cyberreport.triage.casework.Outcome;
import org.cyberreport.triage.scoring.Level;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the officers' actions. */
final class CaseRequests {

    private CaseRequests() {
    }

    record ReclassifyRequest(
            @NotNull @Pattern(regexp = "ONLINE_FRAUD|EXTORTION|CRYPTO|DATA_THEFT", message = "must be a report category")
            String category,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z_]+", message = "must be a subtype such as ROMANCE") String subtype,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record OverrideLevelRequest(@NotNull Level level, @NotBlank @Size(max = 2000) String reason) {
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record CloseRequest(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String reason) {
    }

    record EscalateRequest(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destinationCountry,
            @NotNull RequestType requestType,
            boolean urgent,
            @NotBlank @Size(max = 4000) String reason) {
    }

    enum RequestType { PRESERVATION, INFORMATION_REQUEST, MUTUAL_LEGAL_ASSISTANCE, PAYMENT_STOP, ASSET_TRACING }
}
