package org.cyberreport.kit.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
}
