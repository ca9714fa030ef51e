package org.cyberreport.cooperation.request.web;

import java.time.Instant;

import org.cyberreport.kit.web.Identifier;
import java.util.List;

import org.cyberreport.cooperation.request.Answer;
import org.cyberreport.cooperation.request.LegalBasis;
import org.cyberreport.cooperation.request.OnwardTransfer;
import org.cyberreport.kit.web.WithinDaysOfNow;
import org.cyberreport.cooperation.request.RequestContent;
import org.cyberreport.cooperation.request.RequestType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the cooperation API. */
final class RequestBodies {

    private RequestBodies() {
    }

    record DraftRequest(
            @Size(max = 40) @Identifier String caseReference,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destinationCountry,
            @NotNull RequestType type,
            @Valid LegalBasisBody legalBasis,
            Boolean urgent,
            @Size(max = 2000) String urgencyReason,
            @NotNull @Valid Handling handling,
            @NotNull @Valid RequestContent content,
            Boolean send) {

        boolean isUrgent() {
            return Boolean.TRUE.equals(urgent);
        }

        boolean sendNow() {
            return Boolean.TRUE.equals(send);
        }
    }

    record LegalBasisBody(@NotBlank @Size(max = 200) String instrument, @NotBlank @Size(max = 100) String article) {
        LegalBasis toBasis() {
            return new LegalBasis(instrument, article);
        }
    }

    record Handling(@NotNull @Pattern(regexp = "CLEAR|GREEN|AMBER|AMBER_STRICT|RED") String tlp,
                    @Size(max = 4) List<@NotNull @Pattern(regexp = "H[0-3]") String> codes,
                    @Size(max = 500) String permission) {
    }

    record SubmitRequest(@Valid RequestContent content) {
    }

    record AnswerRequest(@NotBlank @Size(max = 20_000) String text, @Size(max = 50) List<@NotNull @Valid EvidenceBody> evidence,
                         @Size(max = 20) List<@NotNull @Valid OnwardTransfer> fundsMovedOn,
                         @WithinDaysOfNow(past = 0, future = 3660) Instant preservedUntil) {
        List<Answer.Evidence> toEvidence() {
            return evidence == null ? List.of()
                    : evidence.stream().map(e -> new Answer.Evidence(e.sha256(), e.fileName(), e.mediaType())).toList();
        }
    }

    record EvidenceBody(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                        @NotBlank @Size(max = 255) @Identifier String fileName,
                        @NotBlank @Size(max = 127) @Identifier String mediaType) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }
}
