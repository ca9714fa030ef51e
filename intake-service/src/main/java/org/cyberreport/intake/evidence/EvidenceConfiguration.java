package org.cyberreport.intake.evidence;

import java.time.Clock;

import org.cyberreport.intake.report.filing.ReportDesk;
import org.cyberreport.kit.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceConfiguration {

    @Bean
    EvidenceDesk evidenceDesk(MongoTemplate template, ReportDesk reports, AuditTrail audit, EvidenceProperties limits, Clock clock) {
        return new EvidenceDesk(template, reports, audit, limits, clock);
    }

    /** A report erased at the end of its retention takes its files, their records and custody with it. */
    @org.springframework.context.event.EventListener
    void erase(org.cyberreport.intake.report.retention.ReportErasing erasing) {
        evidenceDesk.getObject().erase(erasing.reportId());
    }

    private final org.springframework.beans.factory.ObjectProvider<EvidenceDesk> evidenceDesk;

    EvidenceConfiguration(org.springframework.beans.factory.ObjectProvider<EvidenceDesk> evidenceDesk) {
        this.evidenceDesk = evidenceDesk;
    }

    /** Each report version triage took marks the evidence files it lists as passed to triage. */
    @Bean
    PassedToTriage evidencePassedToTriage(MongoTemplate template, EvidenceDesk desk) {
        return new PassedToTriage(template, desk);
    }

    @Bean
    AbandonedFiles abandonedEvidenceFiles(EvidenceDesk desk) {
        return new AbandonedFiles(desk);
    }

    /** Files cut off while arriving (a crash, a lost connection) go after a while, their chunks with them. */
    static class AbandonedFiles {
        private static final Logger log = LoggerFactory.getLogger(AbandonedFiles.class);
        private final EvidenceDesk desk;

        AbandonedFiles(EvidenceDesk desk) {
            this.desk = desk;
        }

        @Scheduled(fixedDelayString = "${cyberreport.evidence.sweep:PT10M}", initialDelayString = "PT1M")
        void sweep() {
            try {
                int removed = desk.sweepAbandoned();
                if (removed > 0) {
                    log.info("Evidence files cut off while arriving, removed: {}", removed);
                }
            } catch (RuntimeException failed) {
                log.warn("Evidence sweep failed this time: {}", failed.toString());
            }
        }
    }
}
