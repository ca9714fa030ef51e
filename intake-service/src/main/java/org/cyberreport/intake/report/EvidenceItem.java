package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.IDENTIFIER;
import static org.cyberreport.intake.report.validation.Rule.MEDIA_TYPE;
import static org.cyberreport.intake.report.validation.Rule.SHA256;

import java.time.Instant;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.PlausiblePast;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Metadata of a piece of evidence held by the unit; the platform stores its hash, never the file. */
public record EvidenceItem(
        @NotNull @Checked(SHA256) String sha256,
        @NotBlank @Size(max = 255) @Checked(IDENTIFIER) String fileName,
        @NotNull @Size(max = 127) @Checked(MEDIA_TYPE) String mediaType,
        @PositiveOrZero Long sizeBytes,
        @NotBlank @Size(max = 200) String collectedBy,
        @NotNull @PlausiblePast Instant collectedAt) {
}
