package org.cyberreport.triage.hitcheck;

import java.time.Clock;
import java.time.Duration;

import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.client.ServiceClients;
import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.correlation.IndicatorStore;
import org.cyberreport.triage.correlation.Indicators;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

@Configuration
@EnableConfigurationProperties(HitcheckProperties.class)
class HitcheckConfiguration {

    @Bean
    HolderKey holderKey(HitcheckProperties properties) {
        return HolderKey.load(properties.key(), properties.localDevelopmentKeyFile());
    }

    @Bean
    HitTable hitTable(MongoTemplate template, IndicatorStore indicators, CaseStore cases, HolderKey key,
                      HitcheckProperties properties) {
        return new HitTable(template, indicators, cases, key, properties.country());
    }

    @Bean
    Hitchecks hitchecks(Indicators indicators, HitTable table, HolderKey key, ServiceTokens tokens, AuditTrail audit,
                        CircuitBreakerRegistry breakers, HitcheckProperties properties,
                        @Value("${cyberreport.relay.cooperation-url}") String cooperationUrl,
                        @Value("${cyberreport.relay.connect-timeout:2s}") Duration connectTimeout) {
        // the partner is asked through cooperation, within cooperation's own time limit for foreign calls
        PartnerPlatforms partners = new PartnerPlatforms(
                ServiceClients.restClient(cooperationUrl, connectTimeout, Duration.ofSeconds(15)), tokens,
                breakers.circuitBreaker("cooperation-hitcheck"));
        return new Hitchecks(indicators, table, key, partners, audit, properties.maxIdentifiers());
    }

    /** Brings the table up to date with the memberships written since the last pass. */
    @Bean
    TableUpdates hitTableUpdates(HitTable table) {
        return new TableUpdates(table);
    }

    static class TableUpdates {
        private final HitTable table;

        TableUpdates(HitTable table) {
            this.table = table;
        }

        @Scheduled(fixedDelayString = "${cyberreport.hitcheck.table-refresh:PT5S}", initialDelayString = "PT10S")
        void update() {
            table.updateQuietly();
        }
    }
}
