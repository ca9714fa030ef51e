package org.cyberreport.cooperation.request;

import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The instrument and article a request rests on, and why: the reasoning the officer drafting it and the
 * liaison receiving it both see (which instruments bind both countries on the day; none for a basis stored
 * before the treaty table proposed one).
 */
public record LegalBasis(String instrument, String article, List<String> reasoning) {

    @PersistenceCreator
    public LegalBasis {
        reasoning = reasoning == null ? List.of() : List.copyOf(reasoning);
    }

    public LegalBasis(String instrument, String article) {
        this(instrument, article, List.of());
    }

    /** The same basis with this reasoning. */
    public LegalBasis because(List<String> why) {
        return new LegalBasis(instrument, article, why);
    }

    /** Whether both name the same instrument and article. */
    public boolean sameAs(LegalBasis other) {
        return instrument.equals(other.instrument()) && article.equals(other.article());
    }
}
