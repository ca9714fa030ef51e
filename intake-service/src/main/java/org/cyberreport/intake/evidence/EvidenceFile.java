package org.cyberreport.intake.evidence;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * An evidence file's record; its bytes are in GridFS (bucket {@code evidence}) under the same id.
 *
 * @param name              the name the reporter gave, cleaned of paths and control characters
 * @param mediaType         the type its content shows (magic bytes), whatever its name or the declared type say
 * @param declaredMediaType the Content-Type it was sent with
 * @param nameSuggests      the type its name's extension suggests
 * @param sha256            computed on arrival
 * @param statedSha256      the digest the reporter stated (checked), when one was stated
 * @param state             {@code RECEIVING} while its bytes arrive, then {@code STORED}
 * @param listed            whether its report lists it (a new version of the report, sent on to triage)
 */
public record EvidenceFile(@Id String id, String reportId, String reportReference, String country, String unit,
                           String name, String mediaType, String declaredMediaType, String nameSuggests, Long size,
                           String sha256, String statedSha256, String state, Instant receivedAt, String receivedBy,
                           boolean listed) {

    static final String RECEIVING = "RECEIVING";
    static final String STORED = "STORED";

    /** Whether the content is of the kind its name says (a ".pdf" that is a PDF). */
    public boolean contentMatchesName() {
        return nameSuggests == null || "application/octet-stream".equals(nameSuggests) || nameSuggests.equals(mediaType);
    }

    /** Programs and scripts: never to be opened, only examined. */
    public boolean executable() {
        return mediaType != null && (mediaType.contains("msdownload") || mediaType.contains("executable")
                || mediaType.contains("x-dosexec") || mediaType.contains("x-elf") || mediaType.contains("x-mach")
                || mediaType.contains("x-sh") || mediaType.contains("java-archive") || mediaType.contains("x-msi")
                || mediaType.contains("x-bat") || mediaType.contains("msdos-program") || mediaType.contains("x-msdos"));
    }
}
