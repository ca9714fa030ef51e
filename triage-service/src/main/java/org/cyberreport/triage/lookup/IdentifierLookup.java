package org.cyberreport.triage.lookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.SetAsideIdentifier;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.correlation.Indicators;
import org.cyberreport.triage.scoring.Level;
import org.springframework.stereotype.Service;

/**
 * "Have we seen this?": an identifier an officer holds (from a phone call, a bank, a seized phone),
 * normalised as correlation normalises it, against every case. The officer's own country's cases are
 * listed with their level and links; of other countries' cases only whether there are any, and in
 * which countries, is said: never a reference, a level or a count. Every lookup is audited with the
 * purpose the officer states, which is required.
 */
@Service
public class IdentifierLookup {

    /** Cases of the officer's country listed per identifier; the total says how many there are. */
    static final int CASES_LISTED = 50;

    private final Indicators indicators;
    private final IndicatorStore store;
    private final CaseStore cases;
    private final AuditTrail audit;

    IdentifierLookup(Indicators indicators, IndicatorStore store, CaseStore cases, AuditTrail audit) {
        this.indicators = indicators;
        this.store = store;
        this.cases = cases;
        this.audit = audit;
    }

    public record Answer(String type, List<Found> identifiers, List<SetAsideIdentifier> setAside) {
    }

    /**
     * One normalised identifier.
     *
     * @param casesInCountry how many cases of the officer's country name it; {@code cases} lists the first of them
     * @param elsewhere      whether cases of other countries name it
     * @param countries      those countries, and nothing else about their cases
     */
    public record Found(String identifier, long casesInCountry, List<CaseFound> cases, boolean elsewhere,
                        List<String> countries) {
    }

    public record CaseFound(String caseId, String reference, String unit, String category, Level level,
                            CaseStatus status, Instant receivedAt, int links, String clusterId, int clusterCases) {
    }

    public Answer lookup(Caller caller, String type, String value, String chain, String platform, String purpose) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
        Indicators.Found derived = indicators.of(type, value, chain, platform);
        if (derived.keys().isEmpty() && derived.setAside().isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The value cannot be read as " + type,
                    List.of(new FieldViolation("value", "is not a " + type + " that reports could name")));
        }
        List<Found> found = new ArrayList<>();
        for (String key : new TreeSet<>(derived.keys())) {
            IndicatorStore.CountryCases own = store.casesIn(key, caller.country(), CASES_LISTED);
            List<CaseFound> listed = cases.findAll(own.caseIds()).stream()
                    .filter(triageCase -> triageCase.isWithinCountry(caller.country()))
                    .sorted(Comparator.comparing(TriageCase::receivedAt).reversed())
                    .map(IdentifierLookup::caseFound).toList();
            Set<String> abroad = new TreeSet<>(store.countriesOf(key));
            abroad.remove(caller.country());
            found.add(new Found(key, own.total(), listed, !abroad.isEmpty(), List.copyOf(abroad)));
        }
        Map<String, String> details = new TreeMap<>();
        details.put("purpose", purpose);
        details.put("type", type);
        details.put("casesInCountry", String.valueOf(found.stream().mapToLong(Found::casesInCountry).sum()));
        details.put("countriesElsewhere", String.join(",", found.stream().flatMap(f -> f.countries().stream()).distinct().sorted().toList()));
        List<String> looked = new ArrayList<>(derived.keys());
        derived.setAside().forEach(aside -> looked.add(aside.identifier()));
        audit.record(caller, "IDENTIFIER_LOOKED_UP", "identifier", String.join(" ", new TreeSet<>(looked)), details);
        return new Answer(type, found, derived.setAside());
    }

    private static CaseFound caseFound(TriageCase triageCase) {
        return new CaseFound(triageCase.id(), triageCase.reference(), triageCase.unit(), triageCase.category(),
                triageCase.level(), triageCase.status(), triageCase.receivedAt(), triageCase.linkedCaseIds().size(),
                triageCase.clusterId(), triageCase.cluster() == null ? 1 : triageCase.cluster().cases());
    }
}
