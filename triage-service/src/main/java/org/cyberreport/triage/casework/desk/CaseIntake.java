package org.cyberreport.triage.casework.desk;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.Correlator;
import org.cyberreport.triage.correlation.Indicators;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.trafficking.TraffickingUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives report versions from intake. One report is one case whatever happens: the same version
 * any number of times, or an older version after a newer one, changes nothing; a newer version
 * updates the case, its score and its links.
 */
@Service
public class CaseIntake {

    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);
    private static final int ATTEMPTS = 10;

    private final CaseStore store;
    private final Scoring scoring;
    private final Correlator correlator;
    private final Indicators indicators;

    private final CaseErasure erasure;
    private final TraffickingUnits traffickingUnits;

    CaseIntake(CaseStore store, Scoring scoring, Correlator correlator, Indicators indicators, CaseErasure erasure,
               TraffickingUnits traffickingUnits) {
        this.traffickingUnits = traffickingUnits;
        this.erasure = erasure;
        this.store = store;
        this.scoring = scoring;
        this.correlator = correlator;
        this.indicators = indicators;
    }

    public Received receive(ReportHandoff report, String contentJson) {
        if (erasure.isErased(report.reportId())) {
            // a version that was on its way when the report was erased: acknowledged, never a case again
            return new Received(report.reportId(), report.version(), false);
        }
        Indicators.Found found = indicators.of(report.content());
        Set<String> keys = found.keys();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<TriageCase> existing = store.find(report.reportId());
            if (existing.isEmpty()) {
                TriageCase opened = TriageCase.open(report, contentJson, keys, found.setAside(), scoring.now());
                opened.flagForTrafficking(traffickingUnits.of(opened.country()), scoring.now());
                scoring.rescore(opened);
                if (store.insert(opened)) {
                    if (erasure.isErased(opened.id())) {
                        // erased while this version was being opened: it goes again at once
                        erasure.erase(opened.id(), opened.reference(), opened.country(), report.version());
                        return new Received(report.reportId(), report.version(), false);
                    }
                    correlator.correlate(opened, Set.of());
                    log.info("Case {} opened at {} (score {})", opened.reference(), opened.level(), opened.priority().score());
                    return new Received(opened.id(), opened.reportVersion(), true);
                }
                continue;
            }
            TriageCase current = existing.get();
            Set<String> previousKeys = current.indicatorKeys();
            if (!current.takeReportVersion(report, contentJson, keys, found.setAside(), scoring.now())) {
                // Already have it. A crash after storing the case but before linking it would show here.
                if (!correlator.isCorrelated(current)) {
                    correlator.repair(current);
                }
                return new Received(current.id(), current.reportVersion(), false);
            }
            current.flagForTrafficking(traffickingUnits.of(current.country()), scoring.now());
            scoring.rescore(current);
            if (store.replace(current)) {
                Set<String> dropped = new HashSet<>(previousKeys);
                dropped.removeAll(keys);
                correlator.correlate(current, dropped);
                return new Received(current.id(), current.reportVersion(), true);
            }
        }
        throw new CaseUpdates.ConcurrentCaseChange(report.reportId());
    }

    /** @param applied false when the case already had this version or a newer one */
    public record Received(String caseId, long reportVersion, boolean applied) {
    }
}
