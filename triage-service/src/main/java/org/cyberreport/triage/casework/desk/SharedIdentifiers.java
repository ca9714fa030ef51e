package org.cyberreport.triage.casework.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cyberreport.triage.casework.TriageCase;

/**
 * The identifiers that link two or more cases of a cluster, each with the cases holding it, as an
 * officer of one country may see them: the value of an identifier only when a case of the officer's
 * country holds it. One held only by cases abroad is given by its type alone, so nothing of another
 * country's report reaches the officer beyond the references and countries the cluster already shows.
 * Cases are named by reference, the one name every member has in the officer's view.
 *
 * @param listed   the most widely shared first, at most the limit asked for
 * @param unlisted how many more link cases of the cluster
 */
public record SharedIdentifiers(List<Shared> listed, int unlisted) {

    /** How many identifiers a cluster's view lists. */
    public static final int LIMIT = 200;

    /**
     * @param type       the kind of identifier as correlation keys it ({@code IBAN}, {@code WALLET}, {@code PHONE}…)
     * @param value      the normalised value after the type ({@code evm:0x5aae…} for a wallet), null when held only abroad
     * @param abroadOnly whether no case of the officer's country holds it
     * @param cases      the references of the cases holding it, in the order of the cluster's members
     */
    public record Shared(String type, String value, boolean abroadOnly, List<String> cases) {
    }

    /**
     * Groups the members' normalised indicator keys (each case keeps its own: no further read). The
     * order is by how many cases share an identifier, then those the officer may read by type and
     * value; those held only abroad by type and their first case, never by their hidden value.
     */
    static SharedIdentifiers among(List<TriageCase> members, String viewerCountry, int limit) {
        Map<String, List<TriageCase>> holders = new LinkedHashMap<>();
        for (TriageCase member : members) {
            member.indicatorKeys().forEach(key -> holders.computeIfAbsent(key, k -> new ArrayList<>()).add(member));
        }
        List<Candidate> shared = new ArrayList<>();
        for (Map.Entry<String, List<TriageCase>> entry : holders.entrySet()) {
            List<TriageCase> holding = entry.getValue();
            if (holding.size() >= 2) {
                boolean own = holding.stream().anyMatch(c -> c.isWithinCountry(viewerCountry));
                shared.add(new Candidate(entry.getKey(), own, holding));
            }
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            order.putIfAbsent(members.get(i).id(), i);
        }
        shared.sort(Comparator.comparingInt((Candidate c) -> -c.holding().size())
                .thenComparing(c -> !c.own())
                .thenComparing(c -> type(c.key()))
                .thenComparing(c -> c.own() ? c.key() : "")
                .thenComparingInt(c -> order.get(c.holding().getFirst().id())));
        List<Shared> listed = shared.stream().limit(limit).map(Candidate::shown).toList();
        return new SharedIdentifiers(listed, shared.size() - listed.size());
    }

    private record Candidate(String key, boolean own, List<TriageCase> holding) {

        Shared shown() {
            int colon = key.indexOf(':');
            return new Shared(type(key), own ? key.substring(colon + 1) : null, !own,
                    holding.stream().map(TriageCase::reference).toList());
        }
    }

    /** A key is {@code type:value} ({@code correlation.IndicatorNormaliser}); its type in upper case. */
    private static String type(String key) {
        int colon = key.indexOf(':');
        return (colon < 0 ? key : key.substring(0, colon)).toUpperCase(Locale.ROOT);
    }
}
