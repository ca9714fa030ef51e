package org.cyberreport.cooperation.request;

import java.time.Instant;
import java.util.List;

/** The destination's answer: text and metadata of the evidence it holds (hashes, never the files). */
public record Answer(String text, List<Evidence> evidence, String by, Instant at) {

    public Answer {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public record Evidence(String sha256, String fileName, String mediaType) {
    }
}
