package org.cyberreport.triage.correlation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a cluster from its members: which of them are still connected through shared indicators,
 * their figures counted afresh, their links and scores. Used after an amendment (an indicator
 * dropped, a loss changed) and to repair a correlation cut short by a crash, never for a plain join:
 * it reads every member. The largest part keeps the cluster's id; a part split off is named after
 * its smallest member, by digest.
 */
@Component
class ClusterRebuild {

    private final CaseStore cases;
    private final IndicatorStore indicators;
    private final ClusterStore clusters;
    private final CaseUpdates updates;
    private final Scoring scoring;

    ClusterRebuild(CaseStore cases, IndicatorStore indicators, ClusterStore clusters, CaseUpdates updates, Scoring scoring) {
        this.cases = cases;
        this.indicators = indicators;
        this.clusters = clusters;
        this.updates = updates;
        this.scoring = scoring;
    }

    void rebuild(String clusterId) {
        List<TriageCase> members = cases.inCluster(clusterId);
        List<List<TriageCase>> parts = parts(members);
        parts.sort(Comparator.comparingInt((List<TriageCase> part) -> part.size()).reversed());
        boolean kept = false;
        for (List<TriageCase> part : parts) {
            boolean unconnected = part.size() == 1 && part.getFirst().indicatorKeys().isEmpty();
            String name = unconnected ? null : !kept ? clusterId : Correlator.clusterId(part.getFirst().id());
            kept |= clusterId.equals(name);
            ClusterFacts figures = new ClusterFacts(0, BigDecimal.ZERO, 0);
            for (TriageCase member : part) {
                ClusterFacts own = scoring.alone(member);
                figures = new ClusterFacts(figures.cases() + 1, figures.totalLoss().add(own.totalLoss()),
                        figures.victims() + own.victims());
            }
            if (name != null) {
                clusters.replace(name, figures);
            }
            ClusterFacts counted = figures;
            for (TriageCase member : part) {
                member.indicatorKeys().forEach(key -> indicators.label(key, name));
                Set<String> links = links(member, part);
                updates.update(member.id(), changed -> {
                    changed.link(links, name, name == null ? scoring.alone(changed) : counted, scoring.now());
                    scoring.rescore(changed);
                });
            }
        }
        if (!kept) {
            clusters.remove(clusterId);
        }
    }

    /** The members connected through shared indicators, each part in id order. */
    private static List<List<TriageCase>> parts(List<TriageCase> members) {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> firstWithKey = new HashMap<>();
        members.forEach(member -> parent.put(member.id(), member.id()));
        for (TriageCase member : members) {
            for (String key : member.indicatorKeys()) {
                String first = firstWithKey.putIfAbsent(key, member.id());
                if (first != null) {
                    parent.put(root(parent, member.id()), root(parent, first));
                }
            }
        }
        Map<String, List<TriageCase>> byRoot = new HashMap<>();
        members.stream().sorted(Comparator.comparing(TriageCase::id))
                .forEach(member -> byRoot.computeIfAbsent(root(parent, member.id()), r -> new ArrayList<>()).add(member));
        return new ArrayList<>(byRoot.values());
    }

    private static String root(Map<String, String> parent, String id) {
        String root = id;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(id, root);
        return root;
    }

    /** A bounded sample of the part's members that share an indicator with this one. */
    private static Set<String> links(TriageCase member, List<TriageCase> part) {
        Set<String> links = new TreeSet<>();
        for (TriageCase other : part) {
            if (links.size() < Correlator.LINK_SAMPLE && !other.id().equals(member.id())
                    && other.indicatorKeys().stream().anyMatch(member.indicatorKeys()::contains)) {
                links.add(other.id());
            }
        }
        return links;
    }
}
