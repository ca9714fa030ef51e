package org.cyberreport.cooperation.request;

import org.cyberreport.kit.web.Identifier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The destination's answer: text and metadata of the evidence it holds (hashes, never the files); for a
 * payment stop, where funds had already moved on.
 */
public record Answer(String text, List<Evidence> evidence, String by, Instant at, List<OnwardTransfer> fundsMovedOn) {

    public Answer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        fundsMovedOn = fundsMovedOn == null ? List.of() : List.copyOf(fundsMovedOn);
    }

    public record Evidence(@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 digest in hex") String sha256,
                           @NotBlank @Size(max = 255) @Identifier String fileName,
                           @NotBlank @Size(max = 127) @Identifier String mediaType) {
    }
}
