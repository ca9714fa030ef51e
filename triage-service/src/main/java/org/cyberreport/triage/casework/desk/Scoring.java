package org.cyberreport.triage.casework.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.exchange.FeedStore;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.PriorityScorer;
import org.springframework.stereotype.Component;

/**
 * Scores a case as it now stands: its report, its category, its indicators, its cluster, and the
 * imported feeds that list its identifiers as known bad.
 */
@Component
public class Scoring {

    private final PriorityScorer scorer;
    private final Clock clock;
    private final FeedStore feeds;

    Scoring(PriorityScorer scorer, Clock clock, FeedStore feeds) {
        this.scorer = scorer;
        this.clock = clock;
        this.feeds = feeds;
    }

    public void rescore(TriageCase triageCase) {
        ClusterFacts cluster = triageCase.cluster() != null ? triageCase.cluster() : alone(triageCase);
        Instant now = now();
        triageCase.prioritise(scorer.score(triageCase.facts(), triageCase.category(), triageCase.indicatorKeys().size(),
                cluster, feeds.matching(triageCase.country(), triageCase.indicatorKeys()), triageCase.receivedAt(), now), scorer::respondWithin,
                now);
    }

    public ClusterFacts alone(TriageCase triageCase) {
        return ClusterFacts.alone(scorer.loss(triageCase.facts()).amount(), triageCase.facts().victims().size());
    }

    public PriorityScorer scorer() {
        return scorer;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
