package org.cyberreport.triage.correlation;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.scoring.ClusterBand;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Re-scores the members of the clusters marked by a join that moved them into another band, a page
 * of members at a time, then removes the marker. The marker is written before the join's request is
 * answered and holds no state of this processor: after a crash or a restart the next pass finds it
 * and finishes the work. A member already scored in the cluster's band is left alone, so a pass cut
 * short costs only what is left. Several instances may run it: each change is a compare-and-replace.
 */
@Component
public class ClusterRescoring {

    private static final Logger log = LoggerFactory.getLogger(ClusterRescoring.class);
    private static final int MARKERS = 20;
    private static final int PAGE = 200;

    private final ClusterStore clusters;
    private final CaseStore cases;
    private final CaseUpdates updates;
    private final Scoring scoring;
    /** One pass at a time in this instance; a pass started while one runs would only repeat its work. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final ExecutorService soon = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
            .name("cluster-rescoring").factory());

    ClusterRescoring(ClusterStore clusters, CaseStore cases, CaseUpdates updates, Scoring scoring) {
        this.clusters = clusters;
        this.cases = cases;
        this.updates = updates;
        this.scoring = scoring;
    }

    /**
     * Starts a pass now rather than at the next check: a join that marked a cluster calls it, so the
     * queue does not wait for the clock. The marker, not this call, is what makes the work durable.
     */
    void soon() {
        if (nudged.compareAndSet(false, true)) {
            soon.execute(() -> {
                nudged.set(false);
                rescoreMarked();
            });
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    /** Re-scores the members of every marked cluster whose band they are not scored in; returns how many. */
    @Scheduled(fixedDelayString = "${cyberreport.triage.cluster-rescore-check:PT1S}",
            initialDelayString = "${cyberreport.triage.cluster-rescore-first-check:PT1S}")
    public int rescoreMarked() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            return rescoreMarkedClusters();
        } finally {
            running.unlock();
        }
    }

    private int rescoreMarkedClusters() {
        int rescored = 0;
        for (ClusterStore.Marker marker : clusters.dueRescores(scoring.now(), MARKERS)) {
            try {
                rescored += clusters.find(marker.clusterId()).map(figures -> rescore(marker.clusterId(), figures)).orElse(0);
                clusters.rescored(marker);
            } catch (RuntimeException failure) {
                // The marker stays: the next pass tries again. Other clusters must not wait for this one.
                log.warn("Cluster {} could not be re-scored: {}", marker.clusterId(), failure.toString());
            }
        }
        if (rescored > 0) {
            log.info("Re-scored {} case(s) whose cluster moved into another band", rescored);
        }
        return rescored;
    }

    private int rescore(String clusterId, ClusterFacts figures) {
        ClusterBand band = scoring.scorer().band(figures);
        int rescored = 0;
        String after = null;
        List<TriageCase> page;
        do {
            page = cases.inCluster(clusterId, after, PAGE);
            List<TriageCase> behind = page.stream().filter(member -> member.status() != CaseStatus.CLOSED
                    && (member.cluster() == null || !scoring.scorer().band(member.cluster()).equals(band))).toList();
            behind.forEach(member -> {
                member.inCluster(clusterId, figures);
                scoring.rescore(member);
            });
            // The page is written back in one round trip. If a member changed meanwhile, each is read
            // again and re-scored if it is still behind (the others are left as just written).
            if (!cases.replaceAll(behind)) {
                for (TriageCase member : behind) {
                    updates.update(member.id(), changed -> {
                        if (clusterId.equals(changed.clusterId()) && (changed.cluster() == null
                                || !scoring.scorer().band(changed.cluster()).equals(band))) {
                            changed.inCluster(clusterId, figures);
                            scoring.rescore(changed);
                        }
                    });
                }
            }
            rescored += behind.size();
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == PAGE);
        return rescored;
    }
}
