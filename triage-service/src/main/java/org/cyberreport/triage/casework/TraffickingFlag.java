package org.cyberreport.triage.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The case names people who may be victims of trafficking forced to work in a scam compound: it is
 * flagged for the unit that handles trafficking ({@code unit}, null where the deployment names none for
 * the country), with how many people, the indicators given and the countries of the compounds.
 * {@code flagged} is always true: the queue's filter reads it through an index.
 */
public record TraffickingFlag(boolean flagged, String unit, int persons, Set<String> indicators,
                              List<String> compoundCountries, Instant flaggedAt) {

    public TraffickingFlag {
        indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
        compoundCountries = compoundCountries == null ? List.of() : List.copyOf(compoundCountries);
    }
}
