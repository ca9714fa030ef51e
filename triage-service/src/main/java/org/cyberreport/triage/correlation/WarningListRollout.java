package org.cyberreport.triage.correlation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings the stored cases in line with the warning lists a deployment runs with. When the lists (or
 * the way identifiers are derived) differ from those the cases were correlated with, every case's
 * identifiers are derived again; a case whose links change records it in its history with the lists'
 * versions, the clusters it leaves are rebuilt once each, and the identifiers it gains are correlated.
 * It runs in the background after start-up, resumes where it stopped after a crash, and does nothing
 * when nothing changed.
 */
@Component
public class WarningListRollout {

    static final String COLLECTION = "warning_lists";
    /** Raised when the derivation of identifiers from a report changes, so stored cases follow. */
    static final String DERIVATION = "indicators-2";  // 2: URLs by account or page, domains by registrable domain, memberships by country

    private static final Logger log = LoggerFactory.getLogger(WarningListRollout.class);
    private static final String STATE = "applied";
    private static final int PAGE = 200;
    /** The cases' collection, read here country by country. */
    private static final String CASES = "cases";
    private static final List<String> COUNTRIES = java.util.Arrays.stream(java.util.Locale.getISOCountries()).sorted().toList();
    /** One roll-out at a time in a service, whichever instance runs it. */
    private static final Object ONE_AT_A_TIME = new Object();

    private final MongoTemplate template;
    private final Indicators indicators;
    private final CaseUpdates updates;
    private final Scoring scoring;
    private final Correlator correlator;
    private final ClusterRebuild rebuild;
    private final IndicatorStore indicatorStore;
    private final CaseStore cases;

    WarningListRollout(MongoTemplate template, Indicators indicators, CaseUpdates updates, Scoring scoring,
                       Correlator correlator, ClusterRebuild rebuild, IndicatorStore indicatorStore, CaseStore cases) {
        this.template = template;
        this.indicators = indicators;
        this.updates = updates;
        this.scoring = scoring;
        this.correlator = correlator;
        this.rebuild = rebuild;
        this.indicatorStore = indicatorStore;
        this.cases = cases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        Thread.ofVirtual().name("warning-list-rollout").start(() -> {
            try {
                apply();
            } catch (RuntimeException failed) {
                log.error("The warning lists could not be applied to the stored cases; they will be at the next start", failed);
            }
        });
    }

    /** What a roll-out did: the cases looked at and those whose identifiers changed. */
    public record Outcome(boolean needed, int casesRead, int casesChanged) {
    }

    public Outcome apply() {
        synchronized (ONE_AT_A_TIME) {
            return applyNow();
        }
    }

    private Outcome applyNow() {
        String fingerprint = fingerprint();
        Document state = Optional.ofNullable(template.findById(STATE, Document.class, COLLECTION)).orElseGet(Document::new);
        if (fingerprint.equals(state.getString("fingerprint")) && state.getString("pending") == null) {
            return new Outcome(false, 0, 0);
        }
        Query anyCase = query(where("country").in(COUNTRIES)).limit(1);
        anyCase.fields().include("_id");
        if (state.getString("pending") == null && template.findOne(anyCase, Document.class, CASES) == null) {
            // nothing stored yet: the lists apply to the cases as they come
            record(fingerprint);
            return new Outcome(true, 0, 0);
        }
        boolean resuming = fingerprint.equals(state.getString("pending"));
        String after = resuming && state.getString("after") != null ? state.getString("after") : "";
        if (!resuming) {
            template.upsert(query(where("_id").is(STATE)), new Update().set("pending", fingerprint).set("after", "")
                    .set("clusters", List.of()).set("gained", List.of()), COLLECTION);
        }
        log.info("Applying warning lists {} to the stored cases{}", indicators.listVersions(), resuming ? " (resumed)" : "");
        int casesRead = 0;
        int changed = 0;
        // 1. Each case's identifiers derived again; what it loses is detached at once, what it gains is
        //    noted. Country by country (the queue's index serves it), resuming after the last country done.
        for (String country : COUNTRIES) {
            if (country.compareTo(after) <= 0) {
                continue;
            }
            Query inCountry = query(where("country").is(country));
            inCountry.fields().include("_id");
            List<String> ids = template.find(inCountry, Document.class, CASES).stream().map(found -> found.getString("_id")).toList();
            Set<String> touchedClusters = new HashSet<>();
            Set<String> gained = new HashSet<>();
            for (int from = 0; from < ids.size(); from += PAGE) {
                for (TriageCase triageCase : cases.findAll(ids.subList(from, Math.min(ids.size(), from + PAGE)))) {
                    casesRead++;
                    if (rederive(triageCase, touchedClusters, gained)) {
                        changed++;
                    }
                }
            }
            template.updateFirst(query(where("_id").is(STATE)), new Update().set("after", country)
                    .addToSet("clusters").each(touchedClusters.toArray()).addToSet("gained").each(gained.toArray()), COLLECTION);
        }
        Document progress = template.findById(STATE, Document.class, COLLECTION);
        // 2. The clusters that lost identifiers, rebuilt once each: they split where nothing else connects them.
        for (String clusterId : progress.getList("clusters", String.class, List.of())) {
            rebuild.rebuild(clusterId);
        }
        // 3. The identifiers gained (a list no longer names them), correlated.
        for (String caseId : progress.getList("gained", String.class, List.of())) {
            cases.find(caseId).ifPresent(current -> correlator.correlate(current, Set.of()));
        }
        record(fingerprint);
        log.info("Warning lists applied: {} cases read, {} changed", casesRead, changed);
        return new Outcome(true, casesRead, changed);
    }

    private void record(String fingerprint) {
        template.upsert(query(where("_id").is(STATE)), new Update().set("fingerprint", fingerprint)
                .set("versions", indicators.listVersions()).set("appliedAt", Date.from(scoring.now()))
                .unset("pending").unset("after").unset("clusters").unset("gained"), COLLECTION);
    }

    /** Derives the case's identifiers again; true when they changed, and then they are stored. */
    private boolean rederive(TriageCase triageCase, Set<String> touchedClusters, Set<String> gained) {
        if (triageCase.facts() == null) {
            return false;
        }
        indicatorStore.backfillCountry(triageCase.id(), triageCase.country(), triageCase.indicatorKeys());
        Indicators.Found found = indicators.of(triageCase.facts());
        if (found.keys().equals(triageCase.indicatorKeys()) && found.setAside().equals(triageCase.setAside())) {
            return false;
        }
        Set<String> lost = new HashSet<>(triageCase.indicatorKeys());
        lost.removeAll(found.keys());
        Set<String> added = new HashSet<>(found.keys());
        added.removeAll(triageCase.indicatorKeys());
        updates.update(triageCase.id(), current -> {
            if (current.applyWarningLists(found.keys(), found.setAside(), scoring.now())) {
                scoring.rescore(current);
            }
        });
        lost.forEach(key -> indicatorStore.detach(triageCase.id(), key));
        if (!lost.isEmpty() && triageCase.clusterId() != null) {
            touchedClusters.add(triageCase.clusterId());
        }
        if (!added.isEmpty()) {
            gained.add(triageCase.id());
        }
        return true;
    }

    /** The lists' names and versions, and the derivation's: what the stored cases must agree with. */
    String fingerprint() {
        Map<String, String> all = new TreeMap<>(indicators.listVersions());
        all.put("_derivation", DERIVATION);
        List<String> parts = new ArrayList<>();
        all.forEach((list, version) -> parts.add(list + "@" + version));
        return String.join(",", parts);
    }
}
