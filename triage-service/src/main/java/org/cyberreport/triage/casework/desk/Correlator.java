package org.cyberreport.triage.casework.desk;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.springframework.stereotype.Component;

/**
 * Links a case to every case that shares an indicator with it, across units and countries, and keeps
 * clusters (the cases connected through shared indicators) with their total loss and victims. When
 * a case joins a cluster, every case of the cluster is re-scored: many small losses can make one
 * large network. Running it again for the same case changes nothing, so a repeated delivery is safe.
 */
@Component
class Correlator {

    /** A bound on the cases one cluster update visits. */
    static final int MAX_CLUSTER = 1_000;

    private final IndicatorStore indicators;
    private final CaseStore cases;
    private final CaseUpdates updates;
    private final Scoring scoring;

    Correlator(IndicatorStore indicators, CaseStore cases, CaseUpdates updates, Scoring scoring) {
        this.indicators = indicators;
        this.cases = cases;
        this.updates = updates;
        this.scoring = scoring;
    }

    void correlate(TriageCase triageCase, Set<String> droppedIndicators) {
        indicators.detach(triageCase.id(), droppedIndicators);
        Set<String> direct = indicators.attach(triageCase.id(), triageCase.indicatorKeys(), scoring.now());
        Map<String, TriageCase> members = component(triageCase, direct);
        String clusterId = members.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
        BigDecimal loss = BigDecimal.ZERO;
        int victims = 0;
        for (TriageCase member : members.values()) {
            loss = loss.add(scoring.scorer().loss(member.facts()).amount());
            victims += member.facts().victims().size();
        }
        ClusterFacts cluster = members.size() == 1 ? scoring.alone(triageCase) : new ClusterFacts(members.size(), loss, victims);
        for (String memberId : members.keySet()) {
            updates.update(memberId, member -> {
                Set<String> linked = new TreeSet<>(member.linkedCaseIds());
                if (member.id().equals(triageCase.id())) {
                    linked = new TreeSet<>(direct);
                } else if (direct.contains(member.id())) {
                    linked.add(triageCase.id());
                }
                member.link(linked, clusterId, cluster, scoring.now());
                scoring.rescore(member);
            });
        }
    }

    /** Whether every indicator of the case already lists it. */
    boolean isCorrelated(TriageCase triageCase) {
        return triageCase.indicatorKeys().stream().allMatch(key -> indicators.casesWith(key).contains(triageCase.id()));
    }

    /** The cases connected to this one through shared indicators, breadth first, bounded. */
    private Map<String, TriageCase> component(TriageCase start, Set<String> direct) {
        Map<String, TriageCase> found = new HashMap<>();
        found.put(start.id(), start);
        Deque<String> next = new ArrayDeque<>(direct);
        Set<String> seen = new HashSet<>(direct);
        seen.add(start.id());
        while (!next.isEmpty() && found.size() < MAX_CLUSTER) {
            List<String> batch = drain(next, 100);
            for (TriageCase member : cases.findAll(batch)) {
                found.put(member.id(), member);
                for (String linked : member.linkedCaseIds()) {
                    if (seen.add(linked)) {
                        next.add(linked);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> drain(Deque<String> queue, int max) {
        List<String> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < max) {
            batch.add(queue.poll());
        }
        return batch;
    }
}
