package org.cyberreport.kit.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The service's audit trail for auditors (role {@code auditor}, and no other): its records filtered by
 * user, record, action and time, newest first, and the verification of its chain. Each reading is
 * itself recorded in the trail, with the filters used.
 */
@RestController
@Validated
@RequestMapping("${cyberreport.audit.path}")
public class AuditController {

    static final int MAX_LIST = 500;

    private final AuditTrail trail;
    private final AuditChain chain;

    public AuditController(AuditTrail trail, AuditChain chain) {
        this.trail = trail;
        this.chain = chain;
    }

    public record AuditList(List<AuditRecord> records, int returned) {
    }

    @GetMapping
    public AuditList list(Caller caller,
                          @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+") String user,
                          @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}._:-]+") String record,
                          @RequestParam(required = false) @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String action,
                          @RequestParam(required = false) Instant from,
                          @RequestParam(required = false) Instant to,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIST) int limit) {
        requireAuditor(caller);
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "user", user);
        put(filters, "record", record);
        put(filters, "action", action);
        put(filters, "from", from == null ? null : from.toString());
        put(filters, "to", to == null ? null : to.toString());
        List<AuditRecord> records = trail.find(new AuditTrail.Filter(user, record, action, from, to), limit);
        filters.put("returned", String.valueOf(records.size()));
        trail.record(caller, "AUDIT_CONSULTED", "audit", null, filters);
        return new AuditList(records, records.size());
    }

    @GetMapping("/verification")
    public AuditChain.Verification verification(Caller caller) {
        requireAuditor(caller);
        AuditChain.Verification verification = chain.verify();
        trail.record(caller, "AUDIT_VERIFIED", "audit", null, Map.of("intact", String.valueOf(verification.intact()),
                "sealed", String.valueOf(verification.sealed())));
        return verification;
    }

    private static void requireAuditor(Caller caller) {
        if (!caller.hasRole(Caller.AUDITOR)) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only auditors read the audit trail");
        }
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null) {
            filters.put(name, value);
        }
    }
}
