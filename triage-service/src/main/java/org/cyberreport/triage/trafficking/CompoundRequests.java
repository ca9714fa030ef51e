package org.cyberreport.triage.trafficking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.report.ReportFacts;

/**
 * Drafts of the information requests a case's scam compounds call for: one per country where a
 * compound is, urgent, asking that country's police to locate the compound and safeguard the people
 * held there. The draft names where the compound is and the indicators, never the persons (their
 * names and identifiers are victims' data and stay home); the officer reads it, may change it, and
 * posts it as the case's escalation.
 */
public final class CompoundRequests {

    public static final String REQUEST_TYPE = "INFORMATION_REQUEST";

    /** The body of an escalation, as the officer would post it. */
    public record Draft(String destinationCountry, String requestType, boolean urgent, String reason) {
    }

    private CompoundRequests() {
    }

    public static List<Draft> of(TriageCase triageCase) {
        Map<String, List<ReportFacts.PossibleTraffickingVictim>> byCountry = new LinkedHashMap<>();
        for (ReportFacts.PossibleTraffickingVictim person : triageCase.facts().possibleTraffickingVictims()) {
            // a compound at home is the home police's own work, not a request abroad
            if (person.compound() != null && person.compound().country() != null
                    && !person.compound().country().equalsIgnoreCase(triageCase.country())) {
                byCountry.computeIfAbsent(person.compound().country().toUpperCase(Locale.ROOT), c -> new ArrayList<>())
                        .add(person);
            }
        }
        List<Draft> drafts = new ArrayList<>();
        byCountry.forEach((country, persons) -> drafts.add(new Draft(country, REQUEST_TYPE, true,
                reason(triageCase.reference(), country, persons))));
        return drafts;
    }

    private static String reason(String reference, String country, List<ReportFacts.PossibleTraffickingVictim> persons) {
        StringBuilder text = new StringBuilder("Report ").append(reference).append(" names ").append(persons.size())
                .append(" person(s) who may be victims of trafficking for forced criminality, held in a scam compound in ")
                .append(country).append('.');
        Set<String> places = new TreeSet<>();
        Set<String> indicators = new TreeSet<>();
        for (ReportFacts.PossibleTraffickingVictim person : persons) {
            indicators.addAll(person.indicators());
            ReportFacts.Compound compound = person.compound();
            StringBuilder place = new StringBuilder();
            if (compound.locality() != null && !compound.locality().isBlank()) {
                place.append(compound.locality().strip());
            }
            if (compound.description() != null && !compound.description().isBlank()) {
                place.append(place.isEmpty() ? "" : " — ").append(compound.description().strip());
            }
            if (compound.latitude() != null && compound.longitude() != null) {
                place.append(place.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "(%.5f, %.5f)",
                        compound.latitude(), compound.longitude()));
            }
            if (!place.isEmpty()) {
                places.add(place.toString());
            }
        }
        if (!places.isEmpty()) {
            text.append(" Location given: ").append(String.join("; ", places)).append('.');
        }
        text.append(" Indicators: ").append(String.join(", ", indicators).toLowerCase(Locale.ROOT).replace('_', ' '))
                .append('.');
        text.append(" Requested: confirm the compound's location and who runs it, and whether the people held there"
                + " can be identified and safeguarded as possible victims; their identities are shared on request under"
                + " the victims' safeguards.");
        return text.length() <= 4_000 ? text.toString() : text.substring(0, 4_000);
    }
}
