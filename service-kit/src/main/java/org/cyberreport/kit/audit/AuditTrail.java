package org.cyberreport.kit.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.cyberreport.kit.problem.ProblemResponses;
import org.cyberreport.kit.security.Caller;
import org.slf4j.MDC;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The append-only audit log of a service, in its own collection. It offers no way to change or
 * remove a record; in deployment the service's database user should hold only insert and find on
 * this collection, so that the guarantee does not rest on the code alone.
 */
public final class AuditTrail {

    public static final String COLLECTION = "audit_log";

    private final MongoTemplate template;
    private final Clock clock;

    public AuditTrail(MongoTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
        // a record's history, oldest first: what an auditor or a test asks of the log
        template.indexOps(COLLECTION).createIndex(new Index().on("resourceId", Sort.Direction.ASC)
                .on("at", Sort.Direction.ASC).named("resource_at"));
    }

    public AuditRecord record(Caller caller, String action, String resourceType, String resourceId,
                              Map<String, String> details) {
        AuditRecord entry = new AuditRecord(UUID.randomUUID().toString(), clock.instant(), action, resourceType,
                resourceId, caller.subject(), caller.username(), caller.country(), caller.unit(),
                MDC.get(ProblemResponses.CORRELATION_ID_MDC), Map.copyOf(details));
        return template.insert(entry, COLLECTION);
    }
}
