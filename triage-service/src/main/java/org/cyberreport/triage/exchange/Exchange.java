package org.cyberreport.triage.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseDesk;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.correlation.Indicators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

/**
 * Indicators out and in. Out: a case's or a cluster's identifiers as a STIX 2.1 bundle or a MISP event,
 * marked with TLP 2.0 and the handling codes, for an officer of the country that holds the case;
 * identifiers set aside (shared infrastructure, possible trafficking victims) and everything but the
 * identifiers (victims, narrative, amounts) never go; a case marked TLP:RED or H2 gives nothing without
 * the originator's permission recorded on it; a cluster gives its own country's cases only, each under
 * its own marks, under the strictest TLP among them. In: a MISP feed or STIX bundle of known-bad
 * indicators, normalised as correlation does (warning-listed identifiers are left out), the importing
 * supervisor's country's own, whose matching cases of that country are re-scored at once. Every export, permission, import and removal is audited.
 */
@Service
public class Exchange {

    private static final Logger log = LoggerFactory.getLogger(Exchange.class);

    /** The most identifiers one feed may hold. */
    static final int MAX_IDENTIFIERS = 50_000;
    /** The most cases one identifier re-scores at an import (a feed naming a webmail domain would be…). */
    private static final int MAX_CASES_PER_IDENTIFIER = 10_000;

    public enum Format { STIX, MISP }

    /** An export: its document, and how many cases and identifiers it holds or left out. */
    public record Export(Map<String, Object> document, Tlp tlp, int cases, int identifiers, int withheldCases) {
    }

    private final CaseDesk desk;
    private final Indicators indicators;
    private final FeedStore feeds;
    private final IndicatorStore indicatorStore;
    private final CaseUpdates updates;
    private final Scoring scoring;
    private final AuditTrail audit;

    Exchange(CaseDesk desk, Indicators indicators, FeedStore feeds, IndicatorStore indicatorStore, CaseUpdates updates,
             Scoring scoring, AuditTrail audit) {
        this.desk = desk;
        this.indicators = indicators;
        this.feeds = feeds;
        this.indicatorStore = indicatorStore;
        this.updates = updates;
        this.scoring = scoring;
        this.audit = audit;
    }

    public Export exportCase(Caller caller, String caseId, Format format) {
        TriageCase triageCase = desk.inScope(caller, caseId);
        Handling handling = Handling.of(triageCase.facts());
        if (handling.needsPermission() && !triageCase.exportPermitted(handling.label())) {
            audit.record(caller, "CASE_EXPORT_REFUSED", "case", caseId, Map.of("format", format.name(),
                    "tlp", handling.tlp().name()));
            throw new ProblemException(ProblemKind.FORBIDDEN, "Case " + triageCase.reference() + " exports nothing: "
                    + handling.whyPermissionNeeded() + ". A supervisor records the originator's permission first.");
        }
        List<Observable> observables = Observable.of(triageCase.facts(), triageCase.indicatorKeys(), indicators);
        String title = "Cyberreport case " + triageCase.reference() + ": " + triageCase.category()
                + (triageCase.subtype() == null ? "" : " / " + triageCase.subtype());
        Export export = new Export(document(format, new StixBundles.Content(title, triageCase.country(), handling.tlp(),
                handling.codes(), observables, scoring.now())), handling.tlp(), 1, observables.size(), 0);
        audit.record(caller, "CASE_EXPORTED", "case", caseId, Map.of("format", format.name(),
                "tlp", handling.tlp().name(), "identifiers", String.valueOf(observables.size())));
        return export;
    }

    public Export exportCluster(Caller caller, String clusterId, Format format) {
        List<TriageCase> members = desk.clusterInScope(caller, clusterId).stream()
                .filter(member -> member.isWithinCountry(caller.country())).toList();
        Map<String, Observable> observables = new LinkedHashMap<>();
        Tlp tlp = Tlp.CLEAR;
        Set<String> codes = new TreeSet<>();
        int included = 0;
        int withheld = 0;
        for (TriageCase member : members) {
            Handling handling = Handling.of(member.facts());
            if (handling.needsPermission() && !member.exportPermitted(handling.label())) {
                withheld++;
                continue;
            }
            included++;
            tlp = Tlp.stricter(tlp, handling.tlp());
            codes.addAll(handling.codes());
            Observable.of(member.facts(), member.indicatorKeys(), indicators)
                    .forEach(observable -> observables.putIfAbsent(observable.key(), observable));
        }
        String title = "Cyberreport cluster " + clusterId + ": " + included + " case(s) of " + caller.country();
        Export export = new Export(document(format, new StixBundles.Content(title, caller.country(), tlp, codes,
                new ArrayList<>(observables.values()), scoring.now())), tlp, included, observables.size(), withheld);
        audit.record(caller, "CLUSTER_EXPORTED", "cluster", clusterId, Map.of("format", format.name(), "tlp", tlp.name(),
                "cases", String.valueOf(included), "withheldCases", String.valueOf(withheld),
                "identifiers", String.valueOf(observables.size())));
        return export;
    }

    private static Map<String, Object> document(Format format, StixBundles.Content content) {
        return format == Format.STIX ? StixBundles.bundle(content) : MispEvents.event(content);
    }

    /** A supervisor records the originator's permission to export a case marked TLP:RED or H2. */
    public TriageCase permitExport(Caller caller, String caseId, String permission) {
        Handling handling = Handling.of(desk.inScope(caller, caseId).facts());
        if (!handling.needsPermission()) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "The case is marked " + handling.tlp().displayName()
                    + " without H2: its indicators need no permission to be exported");
        }
        return desk.permitExport(caller, caseId, permission, handling.label());
    }

    /** Imports a feed; its matching cases are re-scored before the answer. */
    public FeedStore.Feed importFeed(Caller caller, JsonNode document, String name) {
        requireCountry(caller);
        FeedReader.Feed read;
        try {
            read = FeedReader.read(document);
        } catch (IllegalArgumentException notAFeed) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, notAFeed.getMessage());
        }
        Set<String> keys = new TreeSet<>();
        int skipped = read.skipped();
        for (FeedReader.Candidate candidate : read.candidates()) {
            // normalised as correlation does; what a warning list names is never a case's link, nor known bad here
            Indicators.Found found = indicators.of(candidate.type(), candidate.value(), candidate.chain(), candidate.platform());
            String key = Observable.keyOf(candidate.type(), found.keys()).orElse(null);
            if (key == null) {
                skipped++;
            } else {
                keys.add(key);
            }
        }
        if (keys.size() > MAX_IDENTIFIERS) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "A feed may hold at most " + MAX_IDENTIFIERS
                    + " identifiers; this one holds " + keys.size() + ". Split it.");
        }
        if (keys.isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The feed holds no identifier the platform can match ("
                    + skipped + " skipped: types it does not know, not flagged for detection, or on a warning list)",
                    List.of(new FieldViolation("document", "holds no identifier to import")));
        }
        String feedName = name != null && !name.isBlank() ? name.strip()
                : read.title() != null ? read.title() : read.format() + " feed";
        FeedStore.Feed feed = feeds.save(new FeedStore.Feed(UUID.randomUUID().toString(), caller.country(), truncate(feedName),
                read.source() == null ? null : truncate(read.source()), read.format(), read.tlp(), scoring.now(),
                caller.username(), keys.size(), skipped), keys);
        int rescored = rescore(caller.country(), keys);
        audit.record(caller, "FEED_IMPORTED", "feed", feed.id(), Map.of("name", feed.name(), "format", feed.format(),
                "tlp", feed.tlp().name(), "identifiers", String.valueOf(keys.size()), "skipped", String.valueOf(skipped),
                "casesRescored", String.valueOf(rescored)));
        log.info("Feed '{}' imported: {} identifiers, {} skipped, {} cases re-scored", feed.name(), keys.size(), skipped,
                rescored);
        return feed;
    }

    public void removeFeed(Caller caller, String feedId) {
        requireCountry(caller);
        Set<String> keys = feeds.remove(caller.country(), feedId)
                .orElseThrow(() -> ProblemException.notFound("No feed " + feedId));
        int rescored = rescore(caller.country(), keys);
        audit.record(caller, "FEED_REMOVED", "feed", feedId, Map.of("identifiers", String.valueOf(keys.size()),
                "casesRescored", String.valueOf(rescored)));
    }

    /** The caller's country's feeds. */
    public List<FeedStore.Feed> feeds(Caller caller) {
        requireCountry(caller);
        return feeds.feeds(caller.country());
    }

    /** The country's cases naming any of the keys are re-scored (a feed is its country's knowledge only). */
    private int rescore(String country, Set<String> keys) {
        Set<String> cases = new TreeSet<>();
        for (String key : keys) {
            cases.addAll(indicatorStore.casesIn(key, country, MAX_CASES_PER_IDENTIFIER).caseIds());
        }
        cases.forEach(caseId -> updates.update(caseId, scoring::rescore));
        return cases.size();
    }

    private static void requireCountry(Caller caller) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
    }

    private static String truncate(String text) {
        String stripped = text.strip();
        return stripped.length() <= 200 ? stripped : stripped.substring(0, 200);
    }
}
