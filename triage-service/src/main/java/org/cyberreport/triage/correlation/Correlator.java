package org.cyberreport.triage.correlation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Links a case to the cases that share an indicator with it, across units and countries, and keeps
 * clusters (the cases connected through shared indicators) with their size, total loss and victims.
 * A join costs the same whatever the cluster's size: the case is attached to its indicators, the
 * cluster's figures move by {@code $inc}, and the other members are re-scored later, and only when
 * the cluster's band changes ({@link ClusterRescoring}). Two clusters that meet are merged by moving
 * the smaller one's members. An amendment, or a run cut short by a crash, rebuilds the case's
 * cluster from its members ({@link ClusterRebuild}): rare, and the only path whose cost grows with
 * the cluster. Running it again for the same case changes nothing, so a repeated delivery is safe.
 */
@Component
public class Correlator {

    /** How many direct links a case keeps by name; the cluster's size counts them all. */
    static final int LINK_SAMPLE = 20;

    /** Per case: the report version last correlated in full, and whether that run finished. */
    static final String CORRELATIONS = "correlations";

    private static final int ROUNDS = 5;
    private static final ClusterFacts NONE = new ClusterFacts(0, BigDecimal.ZERO, 0);

    private final IndicatorStore indicators;
    private final ClusterStore clusters;
    private final CaseStore cases;
    private final CaseUpdates updates;
    private final Scoring scoring;
    private final ClusterRebuild rebuild;
    private final ClusterRescoring rescoring;
    private final MongoTemplate template;

    Correlator(IndicatorStore indicators, ClusterStore clusters, CaseStore cases, CaseUpdates updates, Scoring scoring,
               ClusterRebuild rebuild, ClusterRescoring rescoring, MongoTemplate template) {
        this.indicators = indicators;
        this.clusters = clusters;
        this.cases = cases;
        this.updates = updates;
        this.scoring = scoring;
        this.rebuild = rebuild;
        this.rescoring = rescoring;
        this.template = template;
    }

    /** Brings the indicators, links and cluster in line with the case's current indicators. */
    public void correlate(TriageCase given, Set<String> droppedIndicators) {
        run(given, droppedIndicators);
    }

    /**
     * Forgets an erased case (already removed from the store): it leaves every indicator it named (an
     * indicator that no case names any more is removed, identifier and all), its correlation marker goes,
     * and the cluster it was in is recounted from the members left (and split where it was the link).
     */
    public void forget(String caseId, Set<String> keys, String clusterId) {
        Set<String> named = new HashSet<>(keys);
        named.addAll(indicators.keysOf(caseId));
        named.forEach(key -> {
            indicators.detach(caseId, key);
            indicators.removeIfUnused(key);
        });
        template.remove(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(caseId)), CORRELATIONS);
        if (clusterId != null) {
            rebuild.rebuild(clusterId);
        }
    }

    /** Correlates a case whose last run may have been cut short: the indicators that list it are looked up. */
    public void repair(TriageCase given) {
        run(given, indicators.keysOf(given.id()));
    }

    private void run(TriageCase given, Set<String> mayBeStale) {
        // Always from the stored case: a late run for an older version must not undo a newer one.
        TriageCase triageCase = cases.find(given.id()).orElse(given);
        Document marker = template.findById(triageCase.id(), Document.class, CORRELATIONS);
        begin(triageCase);
        Set<String> stale = new HashSet<>(mayBeStale);
        stale.removeAll(triageCase.indicatorKeys());
        stale.forEach(key -> indicators.detach(triageCase.id(), key));
        String before = triageCase.clusterId();
        if (!triageCase.indicatorKeys().isEmpty()) {
            join(triageCase.id());
        }
        // An amendment (its loss, its indicators) or a run cut short by a crash: the clusters the case
        // was and is in are rebuilt from their members, which recounts them and splits them if needed.
        if (marker != null) {
            Set<String> touched = new TreeSet<>();
            if (before != null) {
                touched.add(before);
            }
            cases.find(triageCase.id()).map(TriageCase::clusterId).ifPresent(touched::add);
            touched.forEach(rebuild::rebuild);
        }
        finish(triageCase);
    }

    /**
     * Attaches the case to its indicators, merges the clusters they name, and counts the case in the
     * result. The indicators' names and the case's are read again at the end: a case filed at the same
     * moment may have named or merged a cluster meanwhile, and then the round is repeated.
     */
    private void join(String caseId) {
        for (int round = 1; round <= ROUNDS; round++) {
            TriageCase triageCase = cases.find(caseId).orElseThrow();
            List<IndicatorStore.Indicator> attached = new ArrayList<>();
            for (String key : triageCase.indicatorKeys()) {
                attached.add(indicators.attach(caseId, key, triageCase.country(), scoring.now()));
            }
            Set<String> names = new TreeSet<>();
            attached.stream().map(IndicatorStore.Indicator::clusterId).filter(name -> name != null).forEach(names::add);
            if (triageCase.clusterId() != null) {
                names.add(triageCase.clusterId());
            }
            List<String> upgraded = attached.stream().flatMap(indicator -> indicator.upgradedCases().stream()).toList();
            // Cases an earlier version stored name clusters of their own, without figures: merged in here.
            if (!upgraded.isEmpty()) {
                cases.findAll(upgraded).stream().map(TriageCase::clusterId).filter(name -> name != null).forEach(names::add);
            }
            String survivor = largest(names).orElseGet(() -> clusterId(caseId));
            names.stream().filter(name -> !name.equals(survivor)).forEach(name -> merge(name, survivor));
            ClusterFacts figures = triageCase.clusterId() == null
                    ? counted(survivor, scoring.alone(triageCase))
                    : clusters.find(survivor).orElseGet(() -> scoring.alone(triageCase));
            triageCase.indicatorKeys().forEach(key -> indicators.labelIfUnset(key, survivor));
            Set<String> links = new TreeSet<>();
            for (IndicatorStore.Indicator indicator : attached) {
                for (String partner : indicators.casesWith(indicator.key(), LINK_SAMPLE + 1)) {
                    if (!partner.equals(caseId) && links.size() < LINK_SAMPLE) {
                        links.add(partner);
                    }
                    // While an indicator has few cases, its earlier cases learn of this one too.
                    if (indicator.count() <= LINK_SAMPLE && !partner.equals(caseId)) {
                        updates.update(partner, member -> member.addLink(caseId, LINK_SAMPLE, scoring.now()));
                    }
                }
            }
            updates.update(caseId, member -> {
                Set<String> linked = new TreeSet<>(member.linkedCaseIds());
                links.stream().filter(link -> linked.size() < LINK_SAMPLE).forEach(linked::add);
                member.link(linked, survivor, figures, scoring.now());
                scoring.rescore(member);
            });
            if (!upgraded.isEmpty()) {
                // Cases stored by an earlier version were moved in without figures: counted once, here.
                rebuild.rebuild(survivor);
            }
            if (settled(caseId, survivor)) {
                return;
            }
        }
    }

    /**
     * Counts the case (or a merged cluster) in the cluster; when that moves the cluster into another
     * band, its other members follow. A cluster just founded has no other members to follow.
     */
    private ClusterFacts counted(String clusterId, ClusterFacts own) {
        ClusterStore.Change change = clusters.add(clusterId, own);
        if (change.before().cases() > 0
                && !scoring.scorer().band(change.before()).equals(scoring.scorer().band(change.after()))) {
            clusters.markForRescoring(clusterId, scoring.now());
            rescoring.soon();
        }
        return change.after();
    }

    /**
     * Moves the smaller cluster's members into the larger (union by size: a case moves at most log n
     * times over a cluster's life), then its indicators, then its figures.
     */
    private void merge(String from, String into) {
        ClusterFacts expected = sum(clusters.find(into).orElse(NONE), clusters.find(from).orElse(NONE));
        // Members first, so that a crash leaves them in the surviving cluster, whose rebuild recounts it.
        for (TriageCase member : cases.inCluster(from)) {
            updates.update(member.id(), moved -> {
                if (from.equals(moved.clusterId())) {
                    moved.inCluster(into, expected);
                    scoring.rescore(moved);
                }
            });
        }
        indicators.relabel(from, into);
        clusters.remove(from).ifPresent(figures -> counted(into, figures));
    }

    private static ClusterFacts sum(ClusterFacts one, ClusterFacts other) {
        return new ClusterFacts(one.cases() + other.cases(), one.totalLoss().add(other.totalLoss()),
                one.victims() + other.victims());
    }

    /**
     * The largest of the named clusters that has figures. A name without figures comes from a case
     * stored by an earlier version (whose cluster could even be named by the case's own id): its
     * members are merged into another cluster, never named after it.
     */
    private Optional<String> largest(Set<String> names) {
        String largest = null;
        int size = 0;
        for (String name : names) {
            int cases = clusters.find(name).map(ClusterFacts::cases).orElse(0);
            if (cases > size) {
                largest = name;
                size = cases;
            }
        }
        return Optional.ofNullable(largest);
    }

    /** Whether the case and all its indicators name the cluster. */
    private boolean settled(String caseId, String clusterId) {
        TriageCase triageCase = cases.find(caseId).orElseThrow();
        Map<String, String> labels = indicators.labels(triageCase.indicatorKeys());
        return clusterId.equals(triageCase.clusterId()) && labels.size() == triageCase.indicatorKeys().size()
                && labels.values().stream().allMatch(clusterId::equals);
    }

    private void begin(TriageCase triageCase) {
        template.upsert(new Query(where("_id").is(triageCase.id())),
                new Update().set("reportVersion", triageCase.reportVersion()).set("done", false), CORRELATIONS);
    }

    private void finish(TriageCase triageCase) {
        template.updateFirst(new Query(where("_id").is(triageCase.id()).and("reportVersion").is(triageCase.reportVersion())),
                new Update().set("done", true), CORRELATIONS);
    }

    /**
     * A stable name for a cluster that does not disclose any member's identifier (members may be cases
     * of other countries): a digest of the id of the case that founded it.
     */
    static String clusterId(String founder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(founder.getBytes(StandardCharsets.UTF_8));
            return "cluster-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Whether the last correlation of this version ran to its end, the indicators list the case for
     * exactly its current indicators, and they all name the case's cluster: false after a crash
     * anywhere between storing a case and the end of its correlation.
     */
    public boolean isCorrelated(TriageCase triageCase) {
        Document marker = template.findById(triageCase.id(), Document.class, CORRELATIONS);
        if (marker == null || !Boolean.TRUE.equals(marker.getBoolean("done"))
                || marker.get("reportVersion", Number.class).longValue() != triageCase.reportVersion()) {
            return false;
        }
        if (!indicators.keysOf(triageCase.id()).equals(triageCase.indicatorKeys())) {
            return false;
        }
        return triageCase.indicatorKeys().isEmpty() || settled(triageCase.id(), triageCase.clusterId());
    }
}
