package org.cyberreport.cooperation.evidence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.cooperation.request.CooperationRequest;
import org.cyberreport.cooperation.request.desk.RequestDesk;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The evidence files a request carries abroad ({@code request_files}): the requesting officer attaches
 * a file of the case's report when the request may carry it ({@link FileTravel}); the destination's
 * liaison lists them with the request and downloads each, which intake writes into the file's chain of
 * custody as disclosed abroad (who, which country, which request) before the bytes leave. The bytes stay
 * in intake until then: a file is described here, never copied.
 */
public class RequestFiles {

    static final String COLLECTION = "request_files";

    private final MongoTemplate template;
    private final RequestDesk requests;
    private final IntakeFiles intake;
    private final AuditTrail audit;
    private final Clock clock;

    RequestFiles(MongoTemplate template, RequestDesk requests, IntakeFiles intake, AuditTrail audit, Clock clock) {
        this.template = template;
        this.requests = requests;
        this.intake = intake;
        this.audit = audit;
        this.clock = clock;
        template.indexOps(COLLECTION).createIndex(new Index().on("requestId", Sort.Direction.ASC)
                .on("attachedAt", Sort.Direction.ASC).named("request"));
    }

    public record AttachedFile(String fileId, String name, String mediaType, long size, String sha256, String attachedBy,
                               Instant attachedAt) {
    }

    /** The requesting officer attaches a file of the case's report; attaching it again changes nothing. */
    public AttachedFile attach(Caller caller, String requestId, String fileId) {
        CooperationRequest request = requests.requestedBy(caller, requestId);
        FileTravel.refusalToAttach(request.type(), request.handling(), request.status(), request.caseId())
                .ifPresent(refusal -> {
                    audit.record(caller, "FILE_ATTACHMENT_REFUSED", "request", requestId, Map.of("file", fileId,
                            "type", request.type().name()));
                    throw new ProblemException(ProblemKind.UNPROCESSABLE, refusal);
                });
        IntakeFiles.FileDescription file = intake.describe(request.caseId(), fileId);
        AttachedFile attached = new AttachedFile(file.id(), file.name(), file.mediaType(), file.size(), file.sha256(),
                caller.username(), clock.instant());
        try {
            template.insert(new Document("_id", requestId + "|" + file.id()).append("requestId", requestId)
                    .append("fileId", file.id()).append("name", file.name()).append("mediaType", file.mediaType())
                    .append("size", file.size()).append("sha256", file.sha256()).append("attachedBy", caller.username())
                    .append("attachedAt", java.util.Date.from(attached.attachedAt())), COLLECTION);
        } catch (DuplicateKeyException already) {
            return files(requestId).stream().filter(f -> f.fileId().equals(file.id())).findFirst().orElse(attached);
        }
        audit.record(caller, "FILE_ATTACHED", "request", requestId, Map.of("file", file.id(), "sha256", file.sha256(),
                "destination", request.destinationCountry(), "type", request.type().name()));
        return attached;
    }

    /** The request's files, for its requesting officers and, once it was sent, the destination's liaisons. */
    public List<AttachedFile> list(Caller caller, String requestId) {
        CooperationRequest request = requests.readable(caller, requestId);
        if (request.isAddressedTo(caller.country()) && !FileTravel.readableByDestination(request.type(), request.handling(),
                request.status())) {
            return List.of();
        }
        return files(requestId);
    }

    /** The destination's liaison receives a file: the disclosure is in the file's custody before the bytes. */
    public void download(Caller caller, String requestId, String fileId, IntakeFiles.Sink sink) {
        CooperationRequest request = requests.addressedTo(caller, requestId);
        if (!FileTravel.readableByDestination(request.type(), request.handling(), request.status())
                || files(requestId).stream().noneMatch(f -> f.fileId().equals(fileId))) {
            throw ProblemException.notFound("No file " + fileId + " with request " + requestId);
        }
        intake.disclose(request.caseId(), fileId, new IntakeFiles.Disclosure(requestId, request.type().name(),
                request.requestingCountry(), caller.country(), caller.username(),
                request.handling() == null ? null : request.handling().permission()), sink);
        audit.record(caller, "FILE_DISCLOSED", "request", requestId, Map.of("file", fileId,
                "requestingCountry", request.requestingCountry()));
    }

    private List<AttachedFile> files(String requestId) {
        return template.find(query(where("requestId").is(requestId)).with(Sort.by("attachedAt")), Document.class, COLLECTION)
                .stream().map(found -> new AttachedFile(found.getString("fileId"), found.getString("name"),
                        found.getString("mediaType"), found.get("size", Number.class).longValue(), found.getString("sha256"),
                        found.getString("attachedBy"), found.getDate("attachedAt").toInstant())).toList();
    }
}
