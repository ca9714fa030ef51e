package org.cyberreport.triage.casework.desk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
 * large network. When an amendment drops an indicator, the former partners lose the link and are
 * re-clustered. Running it again for the same case changes nothing, so a repeated delivery is safe.
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

    /**
     * Brings the indicators, links and clusters in line with the case's current indicators. Every step
     * can be repeated: a crash part-way is repaired by running it again (see {@link #isCorrelated}).
     */
    void correlate(TriageCase triageCase, Set<String> droppedIndicators) {
        // Indicators the case no longer has: those named by the amendment, and any a crash left behind.
        Set<String> stale = new HashSet<>(indicators.keysOf(triageCase.id()));
        stale.removeAll(triageCase.indicatorKeys());
        stale.addAll(droppedIndicators);
        indicators.detach(triageCase.id(), stale);
        Set<String> direct = indicators.attach(triageCase.id(), triageCase.indicatorKeys(), scoring.now());

        // Former partners no longer list this case; each is then re-clustered without it.
        Set<String> former = new TreeSet<>(triageCase.linkedCaseIds());
        former.removeAll(direct);
        for (String partner : former) {
            updates.update(partner, member -> {
                Set<String> linked = new TreeSet<>(member.linkedCaseIds());
                linked.remove(triageCase.id());
                member.link(linked, member.clusterId(), member.cluster(), scoring.now());
            });
        }
        Set<String> clustered = cluster(triageCase, direct);
        for (TriageCase partner : cases.findAll(former)) {
            if (!clustered.contains(partner.id())) {
                clustered.addAll(cluster(partner, partner.linkedCaseIds()));
            }
        }
    }

    /** Re-computes the cluster around a case whose own links are given; returns the members. */
    private Set<String> cluster(TriageCase start, Set<String> links) {
        Map<String, TriageCase> members = component(start, links);
        String clusterId = clusterId(members.keySet());
        BigDecimal loss = BigDecimal.ZERO;
        int victims = 0;
        for (TriageCase member : members.values()) {
            loss = loss.add(scoring.scorer().loss(member.facts()).amount());
            victims += member.facts().victims().size();
        }
        ClusterFacts cluster = members.size() == 1 ? scoring.alone(start) : new ClusterFacts(members.size(), loss, victims);
        for (String memberId : members.keySet()) {
            updates.update(memberId, member -> {
                Set<String> linked = new TreeSet<>(member.linkedCaseIds());
                if (member.id().equals(start.id())) {
                    linked = new TreeSet<>(links);
                } else if (links.contains(member.id())) {
                    linked.add(start.id());
                }
                member.link(linked, clusterId, cluster, scoring.now());
                scoring.rescore(member);
            });
        }
        return new HashSet<>(members.keySet());
    }

    /**
     * A stable name for a cluster that does not disclose any member's identifier (members may be cases
     * of other countries): a digest of the smallest member id.
     */
    static String clusterId(Set<String> memberIds) {
        String smallest = memberIds.stream().min(Comparator.naturalOrder()).orElseThrow();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(smallest.getBytes(StandardCharsets.UTF_8));
            return "cluster-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Whether the indicators list the case for exactly its current indicators and its links are the
     * cases that share them: false after a crash between storing a case and correlating it.
     */
    boolean isCorrelated(TriageCase triageCase) {
        if (!indicators.keysOf(triageCase.id()).equals(triageCase.indicatorKeys())) {
            return false;
        }
        Set<String> partners = new TreeSet<>();
        triageCase.indicatorKeys().forEach(key -> partners.addAll(indicators.casesWith(key)));
        partners.remove(triageCase.id());
        return partners.equals(triageCase.linkedCaseIds());
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
