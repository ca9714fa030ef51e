package org.cyberreport.kit.audit;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnBean(MongoTemplate.class)
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate template, ObjectProvider<Clock> clock) {
        return new AuditTrail(template, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Seals the records into the service's hash chain, on one instance at a time (a lease). */
    @Bean
    AuditChain auditChain(MongoTemplate template, AuditTrail trail, ObjectProvider<Clock> clock,
                          @Value("${cyberreport.audit.seal-interval:PT1S}") Duration interval,
                          @Value("${cyberreport.audit.seal-lease:PT30S}") Duration lease,
                          @Value("${cyberreport.audit.retention:P10Y}") java.time.Period retention) {
        return new AuditChain(template, trail, clock.getIfAvailable(Clock::systemUTC), interval, lease, retention);
    }

    /** The auditors' reading of the trail, where the service names its path (e.g. /api/reports/audit). */
    @Bean
    @ConditionalOnProperty(prefix = "cyberreport.audit", name = "path")
    AuditController auditController(AuditTrail trail, AuditChain chain) {
        return new AuditController(trail, chain);
    }
}
