package org.cyberreport.triage.trafficking;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which unit handles trafficking in human beings in each country the deployment serves
 * ({@code cyberreport.triage.trafficking.units}, {@code TRIAGE_TRAFFICKING_UNITS}: {@code MA:MA-TRAFFICKING,FR:FR-OCRTEH}).
 * A case naming a possible victim is flagged for that unit, and its triage officers are told; where no
 * unit is named, every triage officer of the country is.
 */
@Component
public class TraffickingUnits {

    private final Map<String, String> units = new TreeMap<>();

    TraffickingUnits(@Value("${cyberreport.triage.trafficking.units:}") String configured) {
        for (String entry : configured.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon != 2 || trimmed.length() == 3) {
                throw new IllegalStateException("cyberreport.triage.trafficking.units: '" + trimmed
                        + "' is not COUNTRY:UNIT (a two-letter country code, a colon, the unit's code)");
            }
            units.put(trimmed.substring(0, 2).toUpperCase(Locale.ROOT), trimmed.substring(3).trim());
        }
    }

    /** The unit that handles trafficking in a country, or null when none is named. */
    public String of(String country) {
        return country == null ? null : units.get(country);
    }
}
