package org.cyberreport.intake.report.filing;

import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.cyberreport.intake.report.Actor;
import org.cyberreport.intake.report.Amendment;
import org.cyberreport.intake.report.Idempotency;
import org.cyberreport.intake.report.IllegalReportTransition;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.intake.report.store.ReferenceNumbers;
import org.cyberreport.intake.report.store.ReportFilter;
import org.cyberreport.intake.report.ReportSlice;
import org.cyberreport.intake.report.retention.Retention;
import org.cyberreport.intake.report.store.ReportStore;
import org.cyberreport.kit.audit.AuditRecord;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.intake.report.ReportStatus;
import org.cyberreport.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The use cases of intake: file a report (idempotently), read and list reports within the caller's
 * scope, amend and withdraw. Each leaves an audit record.
 */
@Service
public class ReportDesk {

    private static final Logger log = LoggerFactory.getLogger(ReportDesk.class);

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final int MAX_CONCURRENT_RETRIES = 3;

    private final ReportStore store;
    private final Retention retention;
    private final ReferenceNumbers references;
    private final ContentValidation validation;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReportDesk(ReportStore store, ReferenceNumbers references, ContentValidation validation, AuditTrail audit,
               JsonMapper json, Clock clock, ApplicationEventPublisher events, Retention retention) {
        this.retention = retention;
        this.store = store;
        this.references = references;
        this.validation = validation;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    public Filed file(Caller caller, String idempotencyKey, ReportContent content) {
        ReportScope.requireFilingUnit(caller);
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(ProblemKind.MISSING_HEADER,
                    "Idempotency-Key must be 8 to 128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        validation.requireValid(content);
        Idempotency idempotency = new Idempotency(caller.subject(), idempotencyKey, digest(content));
        var earlier = store.findByIdempotencyKey(caller.subject(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), idempotency);
        }
        Instant now = now();
        String reference = references.next(caller.country(), now.atZone(ZoneOffset.UTC).getYear());
        Report report = Report.file(UUID.randomUUID().toString(), reference, caller.country(), caller.unit(),
                actor(caller), content, idempotency, now);
        // the filing and its audit record are one write; the record then joins the trail
        AuditRecord filed = audit.prepare(caller, "REPORT_FILED", "report", report.id(), Map.of("reference", reference,
                "category", content.category().name()));
        try {
            store.insert(report, audit.pending(filed));
        } catch (DuplicateKeyException concurrentTwin) {
            return replay(store.findByIdempotencyKey(caller.subject(), idempotencyKey).orElseThrow(() -> concurrentTwin),
                    idempotency);
        }
        audit.settle(ReportStore.COLLECTION, report.id(), filed);
        log.info("Report {} filed by unit {} ({})", reference, caller.unit(), content.category());
        events.publishEvent(new ReportChanged(report.id(), report.version()));
        return new Filed(report, false);
    }

    private static Filed replay(Report earlier, Idempotency request) {
        if (!earlier.idempotency().requestDigest().equals(request.requestDigest())) {
            throw new ProblemException(ProblemKind.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + request.key()
                    + "' was already used for report " + earlier.reference() + " with a different body");
        }
        return new Filed(earlier, true);
    }

    public Report read(Caller caller, String id) {
        Report report = visible(caller, id);
        audit.record(caller, "REPORT_CONSULTED", "report", report.id(), Map.of("reference", report.reference()));
        return report;
    }

    public ReportSlice list(Caller caller, ReportQuery query) {
        if (query.receivedFrom() != null && query.receivedTo() != null && !query.receivedFrom().isBefore(query.receivedTo())) {
            throw ProblemException.invalid(List.of(new FieldViolation("receivedTo",
                    "must be after receivedFrom")));
        }
        ReportFilter filter = new ReportFilter(caller.country(), ReportScope.listingUnit(caller), query.status(),
                query.category(), query.receivedFrom(), query.receivedTo());
        ReportSlice slice = store.find(filter, query.page(), query.size());
        audit.record(caller, "REPORTS_LISTED", "report", null, Map.of("filter", query.describe(),
                "returned", String.valueOf(slice.items().size())));
        return slice;
    }

    public Report amend(Caller caller, String id, Long expectedVersion, ReportAmendment amendment) {
        Actor actor = actor(caller);
        return change(caller, id, expectedVersion, report -> {
            ReportContent before = report.content();
            ReportContent after = amendment.change().apply(before);
            refuseScopeChange(before, after);
            validation.requireValid(after);
            List<Amendment.Change> changes = changes(before, after);
            if (changes.isEmpty()) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE, "The amendment changes nothing");
            }
            report.amend(after, amendment.reason(), actor, changes, now());
        }, amended -> audit.prepare(caller, "REPORT_AMENDED", "report", amended.id(), Map.of("reference", amended.reference(),
                "parts", String.join(",", amended.amendments().getLast().changes().stream().map(Amendment.Change::part).toList()),
                "reason", amendment.reason())));
    }

    /**
     * The jurisdiction country decides who may see a report (its country's triage officers) and where
     * its case lives. Moving it would have to move the case, its links and every permission with it;
     * instead such an amendment is refused, and a report filed in the wrong country is withdrawn and
     * filed again in the right one.
     */
    private static void refuseScopeChange(ReportContent before, ReportContent after) {
        if (!before.jurisdictionCountry().equals(after.jurisdictionCountry())) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The jurisdiction country sets who may see the "
                    + "report and cannot be amended; withdraw the report and file it again in the right country",
                    List.of(new FieldViolation("jurisdictionCountry", "cannot be changed by an amendment")));
        }
    }

    public Report withdraw(Caller caller, String id, Long expectedVersion, String reason) {
        Actor actor = actor(caller);
        Report withdrawn = change(caller, id, expectedVersion, report -> report.withdraw(reason, actor, now()),
                report -> audit.prepare(caller, "REPORT_WITHDRAWN", "report", report.id(),
                        Map.of("reference", report.reference(), "reason", reason)));
        // the retention's clock starts: a withdrawn report is erased once its period has passed
        retention.withdrawn(withdrawn.id(), withdrawn.updatedAt());
        return withdrawn;
    }

    /**
     * Load, change and store with a version check, the change's audit record in the same write; a concurrent
     * change is retried, or refused under If-Match.
     */
    private Report change(Caller caller, String id, Long expectedVersion, Consumer<Report> change,
                          Function<Report, AuditRecord> recordOf) {
        for (int attempt = 1; ; attempt++) {
            Report report = visible(caller, id);
            if (!report.isWithinUnit(caller.country(), caller.unit())) {
                throw ProblemException.notFound("No report " + id);
            }
            long version = report.version();
            if (expectedVersion != null && expectedVersion != version) {
                throw new ProblemException(ProblemKind.PRECONDITION_FAILED, "Report " + report.reference()
                        + " is at version " + version + ", not " + expectedVersion);
            }
            try {
                change.accept(report);
            } catch (IllegalReportTransition refused) {
                throw new ProblemException(ProblemKind.STATE_CONFLICT, refused.getMessage());
            }
            AuditRecord record = recordOf.apply(report);
            if (store.replace(report, version, audit.pending(record))) {
                audit.settle(ReportStore.COLLECTION, report.id(), record);
                events.publishEvent(new ReportChanged(report.id(), report.version()));
                return report;
            }
            if (attempt == MAX_CONCURRENT_RETRIES || expectedVersion != null) {
                throw new ProblemException(ProblemKind.VERSION_CONFLICT,
                        "Report " + report.reference() + " was changed concurrently; read it again and retry");
            }
        }
    }

    /** Lists a stored evidence file in the report (a new version, handed to triage like any change). */
    public Report addEvidence(Caller caller, String id, org.cyberreport.intake.report.EvidenceRef file) {
        return change(caller, id, null, report -> report.addEvidence(file, now()),
                report -> audit.prepare(caller, "REPORT_EVIDENCE_ADDED", "report", report.id(),
                        Map.of("file", file.id(), "sha256", file.sha256(), "version", String.valueOf(report.version()))));
    }

    /**
     * The report, if the caller may read it (its unit's reporters, its country's triage officers): what
     * may be read of its evidence files too. Anything else is answered as if it did not exist.
     */
    public Report readable(Caller caller, String id) {
        return visible(caller, id);
    }

    /** The report, if the caller is a reporter of its filing unit and it is not withdrawn: who may add evidence. */
    public Report ownedByUnit(Caller caller, String id) {
        Report report = visible(caller, id);
        if (!caller.hasRole(Caller.REPORTER) || !report.isWithinUnit(caller.country(), caller.unit())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only the filing unit adds evidence to a report");
        }
        if (report.status() == ReportStatus.WITHDRAWN) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "Report " + report.reference() + " was withdrawn");
        }
        return report;
    }

    private Report visible(Caller caller, String id) {
        return store.findById(id).filter(report -> ReportScope.canSee(caller, report))
                .orElseThrow(() -> ProblemException.notFound("No report " + id));
    }

    private List<Amendment.Change> changes(ReportContent before, ReportContent after) {
        List<Amendment.Change> changes = new ArrayList<>();
        for (String part : before.changedParts(after)) {
            changes.add(new Amendment.Change(part, partJson(before, part), partJson(after, part)));
        }
        return changes;
    }

    private String partJson(ReportContent content, String part) {
        try {
            for (RecordComponent component : ReportContent.class.getRecordComponents()) {
                if (component.getName().equals(part)) {
                    return json.writeValueAsString(component.getAccessor().invoke(content));
                }
            }
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
        throw new IllegalArgumentException("No part " + part);
    }

    private String digest(ReportContent content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(content));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.username());
    }
}
