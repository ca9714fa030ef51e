package org.cyberreport.kit.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Reports the database UP only when it answers a {@code ping}, in embedded and in URI mode alike. */
final class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate template;
    private final String mode;

    MongoPingHealthIndicator(MongoTemplate template, String mode) {
        super("MongoDB ping failed");
        this.template = template;
        this.mode = mode;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = template.executeCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("mode", mode).withDetail("database", template.getDb().getName());
    }
}
