package org.cyberreport.intake.report;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** TLP 2.0 and law-enforcement handling codes; they travel with the data wherever it goes. */
public record HandlingMarks(@NotNull Tlp tlp, @Size(max = 4) Set<@NotNull HandlingCode> codes) {

    public HandlingMarks {
        codes = codes == null ? Set.of() : SortedSets.of(codes);
    }

    public enum Tlp { CLEAR, GREEN, AMBER, AMBER_STRICT, RED }

    /** H0 stated purpose only, H1 not for court without permission, H2 not to be passed on, H3 other. */
    public enum HandlingCode { H0, H1, H2, H3 }
}
