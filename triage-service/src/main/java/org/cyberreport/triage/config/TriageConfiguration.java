package org.cyberreport.triage.config;

import java.nio.file.Path;
import java.time.Clock;

import org.cyberreport.triage.correlation.Indicators;
import org.cyberreport.triage.correlation.WarningLists;
import org.cyberreport.triage.scoring.PriorityScorer;
import org.cyberreport.triage.scoring.ScoringPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock, the scoring policy, the warning lists and the scheduled re-scoring of time-bound factors. */
@Configuration
@EnableScheduling
class TriageConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The scoring weights and thresholds of {@code triage.priority}, bound to the plain policy record. */
    @Bean
    ScoringPolicy scoringPolicy(Environment environment) {
        return Binder.get(environment).bind("triage.priority", ScoringPolicy.class)
                .orElseThrow(() -> new IllegalStateException("triage.priority is not configured"));
    }

    @Bean
    PriorityScorer priorityScorer(ScoringPolicy policy) {
        return new PriorityScorer(policy);
    }

    /**
     * The warning lists of shared infrastructure: those in {@code cyberreport.triage.warning-lists-directory}
     * when a deployment names one, else the bundled selection.
     */
    @Bean
    WarningLists warningLists(@Value("${cyberreport.triage.warning-lists-directory:}") String directory) {
        return WarningLists.load(directory.isBlank() ? null : Path.of(directory));
    }

    @Bean
    Indicators indicators(WarningLists lists) {
        return new Indicators(lists);
    }
}
