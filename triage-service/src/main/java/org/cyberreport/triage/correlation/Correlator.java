package org.cyberreport.triage.casework.desk;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    /** Per case: the report version last correlated in full, and former partners still to re-cluster. */
    static final String CORRELATIONS = "correlations";

    private final IndicatorStore indicators;
    private final CaseStore cases;
    private final CaseUpdates updates;
    private final Scoring scoring;
    private final MongoTemplate template;

    Correlator(IndicatorStore indicators, CaseStore cases, CaseUpdates updates, Scoring scoring, MongoTemplate template) {
        this.indicators = indicators;
        this.cases = cases;
        this.updates = updates;
        this.scoring = scoring;
        this.template = template;
    }

    /**
     * Brings the indicators, links and clusters in line with the case's current indicators. Every step
     * can be repeated: a crash part-way is repaired by running it again (see {@link #isCorrelated}).
     */
    void correlate(TriageCase given, Set<String> droppedIndicators) {
        run(given, droppedIndicators);
    }

    /**
     * Correlates a case whose last run may have been cut short: the indicators that still list it are
     * looked up (a query on the indicators' case lists), not assumed.
     */
    void repair(TriageCase given) {
        run(given, indicators.keysOf(given.id()));
    }

    private void run(TriageCase given, Set<String> mayBeStale) {
        // Always from the stored case: a late run for an older version must not undo a newer one.
        TriageCase triageCase = cases.find(given.id()).orElse(given);
        // Indicators the case no longer has.
        Set<String> stale = new HashSet<>(mayBeStale);
        stale.removeAll(triageCase.indicatorKeys());
        indicators.detach(triageCase.id(), stale);
        Set<String> direct = indicators.attach(triageCase.id(), triageCase.indicatorKeys(), scoring.now());

        // Former partners no longer list this case; each is then re-clustered without it. They are noted
        // first, so that a run cut short by a crash is finished by the next one.
        Set<String> former = new TreeSet<>(triageCase.linkedCaseIds());
        former.addAll(pendingPartners(triageCase.id()));
        former.removeAll(direct);
        begin(triageCase, former);
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
        finish(triageCase);
    }

    private void begin(TriageCase triageCase, Set<String> former) {
        Update update = new Update().set("reportVersion", triageCase.reportVersion()).set("done", false);
        if (!former.isEmpty()) {
            update.addToSet("formerPartners").each(former.toArray());
        }
        template.upsert(new Query(where("_id").is(triageCase.id())), update, CORRELATIONS);
    }

    private void finish(TriageCase triageCase) {
        template.updateFirst(new Query(where("_id").is(triageCase.id()).and("reportVersion").is(triageCase.reportVersion())),
                new Update().set("done", true).unset("formerPartners"), CORRELATIONS);
    }

    private List<String> pendingPartners(String caseId) {
        Document marker = template.findById(caseId, Document.class, CORRELATIONS);
        return marker == null ? List.of() : marker.getList("formerPartners", String.class, List.of());
    }

    /**
     * Re-computes the cluster around a case whose own links are given; returns the members. The case's
     * links are read again from the indicators when it is written: if a case filed at the same moment
     * attached meanwhile, the cluster is computed once more with it, so neither run loses the other.
     */
    private Set<String> cluster(TriageCase start, Set<String> links) {
        Set<String> current = links;
        for (int round = 1; ; round++) {
            AtomicReference<Set<String>> fresh = new AtomicReference<>(current);
            Set<String> members = clusterOnce(start, current, fresh);
            if (fresh.get().equals(current) || round == 3) {
                return members;
            }
            current = fresh.get();
        }
    }

    private Set<String> clusterOnce(TriageCase start, Set<String> links, AtomicReference<Set<String>> fresh) {
        Map<String, TriageCase> members = component(start, links);
        String clusterId = clusterId(members.keySet());
        BigDecimal loss = BigDecimal.ZERO;
        int victims = 0;
        for (TriageCase member : members.values()) {
            loss = loss.add(scoring.scorer().loss(member.facts()).amount());
            victims += member.facts().victims().size();
        }
        ClusterFacts cluster = members.size() == 1 ? scoring.alone(start) : new ClusterFacts(members.size(), loss, victims);
        // The start last: a case that attached before its write is seen there, and the round repeated;
        // one that attaches after it runs its own correlation after all of these writes.
        List<String> order = new ArrayList<>(members.keySet());
        order.remove(start.id());
        order.add(start.id());
        for (String memberId : order) {
            updates.update(memberId, member -> {
                Set<String> linked = new TreeSet<>(member.linkedCaseIds());
                if (member.id().equals(start.id())) {
                    linked = partnersOf(member);
                    fresh.set(Set.copyOf(linked));
                } else if (links.contains(member.id())) {
                    linked.add(start.id());
                }
                member.link(linked, clusterId, cluster, scoring.now());
                scoring.rescore(member);
            });
        }
        return new HashSet<>(members.keySet());
    }

    /** The cases that share an indicator with this one now, by the indicators themselves. */
    private Set<String> partnersOf(TriageCase triageCase) {
        Set<String> partners = new TreeSet<>();
        triageCase.indicatorKeys().forEach(key -> partners.addAll(indicators.casesWith(key)));
        partners.remove(triageCase.id());
        return partners;
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
     * Whether the last correlation of this version ran to its end, the indicators list the case for
     * exactly its current indicators, and its links are the cases that share them: false after a crash
     * anywhere between storing a case and the end of its correlation.
     */
    boolean isCorrelated(TriageCase triageCase) {
        Document marker = template.findById(triageCase.id(), Document.class, CORRELATIONS);
        if (marker == null || !Boolean.TRUE.equals(marker.getBoolean("done"))
                || marker.get("reportVersion", Number.class).longValue() != triageCase.reportVersion()) {
            return false;
        }
        if (!indicators.keysOf(triageCase.id()).equals(triageCase.indicatorKeys())) {
            return false;
        }
        return partnersOf(triageCase).equals(triageCase.linkedCaseIds());
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
