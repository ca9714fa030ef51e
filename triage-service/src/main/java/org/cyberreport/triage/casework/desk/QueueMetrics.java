package org.cyberreport.triage.casework.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.cyberreport.triage.casework.CaseStatus;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.scoring.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The queue as operators watch it: open cases by status and level ({@code triage.queue.cases}) and those
 * of them past their due time ({@code triage.queue.overdue}), in every country the store holds. The
 * figures are counted by index on a schedule, not when scraped, so that a scrape costs nothing and
 * several scrapers do not multiply the work; every instance reports the same figures (take their
 * maximum, not their sum).
 */
@Component
public class QueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);
    private static final List<CaseStatus> OPEN = List.of(CaseStatus.NEW, CaseStatus.IN_PROGRESS);

    private final CaseStore store;
    private final Clock clock;
    private final Map<CaseStatus, Map<Level, AtomicLong>> open = new EnumMap<>(CaseStatus.class);
    private final Map<CaseStatus, Map<Level, AtomicLong>> overdue = new EnumMap<>(CaseStatus.class);

    QueueMetrics(CaseStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        for (CaseStatus status : OPEN) {
            for (Level level : Level.values()) {
                String statusTag = status.name().toLowerCase(Locale.ROOT);
                Gauge.builder("triage.queue.cases", figure(open, status, level), AtomicLong::get)
                        .tag("status", statusTag).tag("level", level.name())
                        .description("Open cases by status and level").register(meters);
                Gauge.builder("triage.queue.overdue", figure(overdue, status, level), AtomicLong::get)
                        .tag("status", statusTag).tag("level", level.name())
                        .description("Open cases past their due time, by status and level").register(meters);
            }
        }
    }

    private static AtomicLong figure(Map<CaseStatus, Map<Level, AtomicLong>> figures, CaseStatus status, Level level) {
        return figures.computeIfAbsent(status, any -> new EnumMap<>(Level.class)).computeIfAbsent(level, any -> new AtomicLong());
    }

    /** Counts the queue again. */
    @Scheduled(fixedDelayString = "${cyberreport.triage.metrics.queue-refresh:PT30S}",
            initialDelayString = "${cyberreport.triage.metrics.queue-first-refresh:PT5S}")
    public void refresh() {
        try {
            Instant now = clock.instant();
            for (CaseStatus status : OPEN) {
                for (Level level : Level.values()) {
                    figure(open, status, level).set(store.count(status, level));
                    figure(overdue, status, level).set(store.countDueBefore(status, level, now));
                }
            }
        } catch (RuntimeException unavailable) {
            // the figures stay as last counted; the store's own health tells that it is down
            log.warn("The queue's figures could not be counted: {}", unavailable.toString());
        }
    }
}
