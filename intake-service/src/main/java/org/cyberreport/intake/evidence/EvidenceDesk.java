package org.cyberreport.intake.evidence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.BsonString;
import org.bson.Document;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.filing.ReportDesk;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.PayloadTooLargeException;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.apache.tika.Tika;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;

/**
 * Evidence files of a report: streamed into the service's own MongoDB (GridFS, 255 KB chunks) and out again,
 * never held whole in memory; typed by their content (Apache Tika's magic-byte detection), their SHA-256
 * computed as they arrive and checked against the one stated; readable by exactly those who may read the
 * report; every handling written to the file's chain of custody (and the audit trail).
 */
public class EvidenceDesk {

    private static final Logger log = LoggerFactory.getLogger(EvidenceDesk.class);
    static final String FILES = "evidence_files";
    static final String CUSTODY = "evidence_custody";
    static final String BUCKET = "evidence";
    /** Per report: the bytes and files its evidence holds or has reserved. */
    static final String QUOTA = "evidence_quota";
    private static final int HEAD = 64 * 1024;
    private static final int CHUNK = 255 * 1024;
    private static final Tika TIKA = new Tika();

    private final MongoTemplate template;
    private final GridFSBucket bucket;
    private final ReportDesk reports;
    private final AuditTrail audit;
    private final EvidenceProperties limits;
    private final Clock clock;

    EvidenceDesk(MongoTemplate template, ReportDesk reports, AuditTrail audit, EvidenceProperties limits, Clock clock) {
        this.template = template;
        this.reports = reports;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
        this.bucket = GridFSBuckets.create(template.getDb(), BUCKET).withChunkSizeBytes(CHUNK);
        template.indexOps(FILES).createIndex(new Index().on("reportId", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC)
                .named("report"));
        // files cut off while arriving, found by the sweep
        template.indexOps(FILES).createIndex(new Index().on("state", Sort.Direction.ASC).on("receivedAt", Sort.Direction.ASC)
                .named("state_received"));
        template.indexOps(CUSTODY).createIndex(new Index().on("fileId", Sort.Direction.ASC).on("at", Sort.Direction.ASC)
                .named("file_at"));
        template.indexOps(CUSTODY).createIndex(new Index().on("reportId", Sort.Direction.ASC).named("report"));
        // GridFS's own indexes, declared so that a real MongoDB has them before the first file
        template.indexOps(BUCKET + ".chunks").createIndex(new Index().on("files_id", Sort.Direction.ASC)
                .on("n", Sort.Direction.ASC).unique().named("files_id_1_n_1"));
        // a file's chunks, found by its id alone (the unique index above serves whole keys on the embedded store;
        // on a real MongoDB this one is redundant and harmless)
        template.indexOps(BUCKET + ".chunks").createIndex(new Index().on("files_id", Sort.Direction.ASC).named("chunks_of_file"));
        template.indexOps(BUCKET + ".files").createIndex(new Index().on("filename", Sort.Direction.ASC)
                .on("uploadDate", Sort.Direction.ASC).named("filename_1_uploadDate_1"));
    }

    /** A file as its readers see it, with its chain of custody when asked for one file. */
    public record View(String id, String reportId, String name, String mediaType, String declaredMediaType,
                       boolean contentMatchesName, boolean executable, Long size, String sha256, Instant receivedAt,
                       String receivedBy, List<Custody> custody) {

        static View of(EvidenceFile file, List<Custody> custody) {
            return new View(file.id(), file.reportId(), file.name(), file.mediaType(), file.declaredMediaType(),
                    file.contentMatchesName(), file.executable(), file.size(), file.sha256(), file.receivedAt(),
                    file.receivedBy(), custody);
        }
    }

    /** Receives a file for a report of the caller's unit, streamed from {@code content}. */
    public View receive(Caller caller, String reportId, String givenName, String statedSha256, String declaredType,
                        long declaredLength, InputStream content) {
        List<FieldViolation> wrong = new ArrayList<>();
        String name = cleanName(givenName);
        if (givenName == null || givenName.isBlank() || givenName.length() > 255 || name.isEmpty()) {
            wrong.add(new FieldViolation("name", "a file name of 1 to 255 characters is required"));
        }
        if (statedSha256 != null && !statedSha256.matches("[0-9a-fA-F]{64}")) {
            wrong.add(new FieldViolation("sha256", "must be a SHA-256 digest in hex (64 characters)"));
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        Report report = reports.ownedByUnit(caller, reportId);
        long reserved = declaredLength > 0 ? declaredLength : limits.maxFileSize().toBytes();
        if (reserved > limits.maxFileSize().toBytes() || !reserve(reportId, reserved)) {
            throw tooLarge(declaredLength > 0 ? declaredLength : reserved, "");
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String declared = declaredType == null ? null : declaredType.length() > 127 ? declaredType.substring(0, 127) : declaredType;
        Stored stored;
        try {
            template.insert(new EvidenceFile(id, reportId, report.reference(), report.country(), report.unit(), name, null,
                    declared, null, null, null, statedSha256 == null ? null : statedSha256.toLowerCase(), EvidenceFile.RECEIVING,
                    now, caller.username(), false), FILES);
            stored = store(id, name, content, reserved);
            if (statedSha256 != null && !statedSha256.equalsIgnoreCase(stored.sha256())) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE, "The file's SHA-256 is " + stored.sha256()
                        + ", not the one stated: nothing was kept", List.of(new FieldViolation("sha256", "does not match the content")));
            }
            // its receipt in the chain of custody before it counts as stored: a crash between leaves it to the sweep
            EvidenceFile arrived = new EvidenceFile(id, reportId, report.reference(), report.country(), report.unit(), name,
                    stored.mediaType(), declared, null, stored.size(), stored.sha256(), null, EvidenceFile.RECEIVING, now,
                    caller.username(), false);
            handled(arrived, "RECEIVED", caller, "SHA-256 " + stored.sha256() + ", " + stored.size() + " bytes, "
                    + stored.mediaType() + (statedSha256 == null ? "" : ", matches the digest stated"));
            template.updateFirst(query(where("_id").is(id)), new Update().set("state", EvidenceFile.STORED)
                    .set("mediaType", stored.mediaType()).set("nameSuggests", TIKA.detect(name)).set("size", stored.size())
                    .set("sha256", stored.sha256()), FILES);
        } catch (PayloadTooLargeException overflow) {
            discard(id, reportId, reserved);
            throw tooLarge(reserved, "; nothing was kept");
        } catch (IOException cut) {
            discard(id, reportId, reserved);
            throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "The file did not arrive whole; nothing was kept");
        } catch (RuntimeException failed) {
            discard(id, reportId, reserved);
            throw failed;
        }
        // what was reserved becomes what it weighs
        template.updateFirst(query(where("_id").is(reportId)), new Update().inc("bytes", stored.size() - reserved), QUOTA);
        EvidenceFile file = template.findById(id, EvidenceFile.class, FILES);
        list(file, caller);
        log.info("Evidence file {} ({} bytes, {}) received for report {}", id, stored.size(), stored.mediaType(), report.reference());
        return View.of(file, custody(id));
    }

    private ProblemException tooLarge(long size, String more) {
        return new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "The file (" + size + " bytes) exceeds what the report may "
                + "still hold: " + limits.maxFileSize() + " per file, " + limits.maxReportSize() + " and "
                + limits.maxFiles() + " files per report" + more);
    }

    /**
     * Reserves room for one more file of {@code bytes} in the report's quota, or says there is none: one
     * conditional increment, so that uploads at the same time cannot together pass the report's limits.
     */
    private boolean reserve(String reportId, long bytes) {
        try {
            template.upsert(query(where("_id").is(reportId)), new Update().setOnInsert("bytes", 0L).setOnInsert("files", 0),
                    QUOTA);
        } catch (org.springframework.dao.DuplicateKeyException created) {
            // another upload created it at the same moment
        }
        return template.findAndModify(query(where("_id").is(reportId)
                        .and("bytes").lte(limits.maxReportSize().toBytes() - bytes).and("files").lt(limits.maxFiles())),
                new Update().inc("bytes", bytes).inc("files", 1), Document.class, QUOTA) != null;
    }

    /**
     * Lists the stored file in its report (a new version, which reaches triage like any change). When the
     * report cannot take it now (changed by others all along, say), the sweep lists it later.
     */
    private void list(EvidenceFile file, Caller caller) {
        try {
            reports.addEvidence(caller, file.reportId(), new org.cyberreport.intake.report.EvidenceRef(file.id(), file.name(),
                    file.mediaType(), file.size(), file.sha256(), file.receivedAt()));
            template.updateFirst(query(where("_id").is(file.id())), new Update().set("listed", true), FILES);
        } catch (ProblemException notNow) {
            log.warn("Evidence file {} stored, not listed in report {} yet: {}", file.id(), file.reportId(), notNow.getMessage());
        }
    }

    private record Stored(String sha256, long size, String mediaType) {
    }

    /** Streams the content into GridFS: its first 64 KB typed, every byte digested and counted. */
    private Stored store(String id, String name, InputStream content, long allowed) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] head = content.readNBytes(HEAD);
        if (head.length == 0) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, "The file is empty");
        }
        String mediaType = TIKA.detect(head);
        long size = 0;
        GridFSUploadStream upload = bucket.openUploadStream(new BsonString(id), name,
                new GridFSUploadOptions().chunkSizeBytes(CHUNK));
        try (DigestInputStream rest = new DigestInputStream(content, sha256)) {
            sha256.update(head);
            size += head.length;
            check(size, allowed);
            upload.write(head);
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = rest.read(buffer)) >= 0) {
                size += read;
                check(size, allowed);
                upload.write(buffer, 0, read);
            }
            upload.close();
        } catch (RuntimeException | IOException failed) {
            upload.abort();
            throw failed;
        }
        return new Stored(HexFormat.of().formatHex(sha256.digest()), size, mediaType);
    }

    private void check(long size, long allowed) throws PayloadTooLargeException {
        if (size > allowed) {
            throw new PayloadTooLargeException(allowed);
        }
    }

    /** The report's files (without their custody), for those who may read the report. */
    public List<View> list(Caller caller, String reportId) {
        reports.readable(caller, reportId);
        List<View> files = stored(reportId).stream().map(file -> View.of(file, null)).toList();
        audit.record(caller, "EVIDENCE_LISTED", "report", reportId, Map.of("files", String.valueOf(files.size())));
        return files;
    }

    /** One file with its chain of custody; the consultation joins it. */
    public View consult(Caller caller, String reportId, String fileId) {
        EvidenceFile file = readableFile(caller, reportId, fileId);
        handled(file, "CONSULTED", caller, null);
        return View.of(file, custody(fileId));
    }

    /** Streams one file's bytes to {@code out}; the download joins its chain of custody first. */
    public EvidenceFile download(Caller caller, String reportId, String fileId) {
        EvidenceFile file = readableFile(caller, reportId, fileId);
        handled(file, "DOWNLOADED", caller, "SHA-256 " + file.sha256());
        return file;
    }

    /**
     * Writes the file's bytes to {@code out} chunk by chunk, each read on its own by the file's id and its number
     * (GridFS's unique index): one chunk in memory at a time, whatever the file's size or the database.
     */
    public void copy(EvidenceFile file, OutputStream out) throws IOException {
        com.mongodb.client.MongoCollection<Document> chunks = template.getCollection(BUCKET + ".chunks");
        Document stored = template.findById(file.id(), Document.class, BUCKET + ".files");
        if (stored == null) {
            throw ProblemException.notFound("No file " + file.id());
        }
        long length = stored.get("length", Number.class).longValue();
        int chunkSize = stored.get("chunkSize", Number.class).intValue();
        long count = (length + chunkSize - 1) / chunkSize;
        for (int n = 0; n < count; n++) {
            Document chunk = chunks.find(new Document("files_id", file.id()).append("n", n)).first();
            if (chunk == null) {
                throw new IOException("chunk " + n + " of file " + file.id() + " is missing");
            }
            out.write(chunk.get("data", org.bson.types.Binary.class).getData());
        }
    }

    /** The stored files of a report, oldest first. */
    public List<EvidenceFile> stored(String reportId) {
        return template.find(query(where("reportId").is(reportId).and("state").is(EvidenceFile.STORED))
                .with(Sort.by("receivedAt")), EvidenceFile.class, FILES);
    }

    /** Writes a handling into the file's chain of custody and the audit trail. */
    public void handled(EvidenceFile file, String action, Caller by, String detail) {
        Instant now = clock.instant();
        Document entry = new Document("fileId", file.id()).append("reportId", file.reportId())
                .append("at", java.util.Date.from(now)).append("action", action).append("by", by.username())
                .append("country", by.country()).append("unit", by.unit()).append("detail", detail);
        template.insert(entry, CUSTODY);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("report", file.reportId());
        details.put("sha256", String.valueOf(file.sha256()));
        if (detail != null) {
            details.put("detail", detail);
        }
        audit.record(by, "EVIDENCE_" + action, "evidence", file.id(), details);
    }

    public List<Custody> custody(String fileId) {
        return template.find(query(where("fileId").is(fileId)).with(Sort.by("at", "_id")), Document.class, CUSTODY).stream()
                .map(entry -> new Custody(entry.getDate("at").toInstant(), entry.getString("action"), entry.getString("by"),
                        entry.getString("country"), entry.getString("unit"), entry.getString("detail")))
                .toList();
    }

    /**
     * A stored file of a report, for cooperation, which checks the request it travels with (the request's
     * type and handling marks, its destination's liaison); 404 when the report has no such file.
     */
    public EvidenceFile storedFile(String reportId, String fileId) {
        EvidenceFile file = template.findById(fileId, EvidenceFile.class, FILES);
        if (file == null || !file.reportId().equals(reportId) || !EvidenceFile.STORED.equals(file.state())) {
            throw ProblemException.notFound("No file " + fileId);
        }
        return file;
    }

    /**
     * A file given to a liaison abroad with a request: the disclosure joins the chain of custody (who received
     * it, of which country, with which request) before a byte leaves.
     */
    public EvidenceFile disclose(String reportId, String fileId, Disclosure disclosure) {
        EvidenceFile file = storedFile(reportId, fileId);
        Caller recipient = new Caller("disclosure:" + disclosure.recipient(), disclosure.recipient(), java.util.Set.of(),
                disclosure.destinationCountry(), null, "cooperation-service");
        handled(file, "DISCLOSED_ABROAD", recipient, "request " + disclosure.requestId() + " ("
                + disclosure.requestType() + ") from " + disclosure.requestingCountry() + " to "
                + disclosure.destinationCountry() + ", SHA-256 " + file.sha256());
        return file;
    }

    /** To whom, with which request, a file goes abroad. */
    public record Disclosure(String requestId, String requestType, String requestingCountry, String destinationCountry,
                             String recipient) {
    }

    private EvidenceFile readableFile(Caller caller, String reportId, String fileId) {
        reports.readable(caller, reportId);
        EvidenceFile file = template.findById(fileId, EvidenceFile.class, FILES);
        if (file == null || !file.reportId().equals(reportId) || !EvidenceFile.STORED.equals(file.state())) {
            throw ProblemException.notFound("No file " + fileId);
        }
        return file;
    }

    /**
     * Files whose bytes stopped arriving (a crash, a lost connection) go, chunks and all; stored files the report
     * does not list yet are listed (or go, when their report is gone).
     */
    public int sweepAbandoned() {
        Instant before = clock.instant().minus(limits.abandonedAfter());
        List<EvidenceFile> abandoned = template.find(query(where("state").is(EvidenceFile.RECEIVING)
                .and("receivedAt").lt(before)).limit(100), EvidenceFile.class, FILES);
        abandoned.forEach(file -> discard(file.id(), file.reportId(), file.size() == null ? 0 : file.size()));
        List<EvidenceFile> unlisted = template.find(query(where("state").is(EvidenceFile.STORED).and("listed").is(false)
                .and("receivedAt").lt(clock.instant().minusSeconds(60))).limit(100), EvidenceFile.class, FILES);
        for (EvidenceFile file : unlisted) {
            Caller unit = new Caller("system:evidence", "evidence sweep", java.util.Set.of(Caller.REPORTER), file.country(),
                    file.unit(), null);
            try {
                reports.addEvidence(unit, file.reportId(), new org.cyberreport.intake.report.EvidenceRef(file.id(), file.name(),
                        file.mediaType(), file.size(), file.sha256(), file.receivedAt()));
                template.updateFirst(query(where("_id").is(file.id())), new Update().set("listed", true), FILES);
            } catch (ProblemException refused) {
                if (refused.kind() == ProblemKind.NOT_FOUND) {
                    discard(file.id(), file.reportId(), file.size() == null ? 0 : file.size());
                } else if (refused.kind() == ProblemKind.STATE_CONFLICT) {
                    // withdrawn meanwhile: the file stays readable with the report; there is no version to list it in
                    template.updateFirst(query(where("_id").is(file.id())), new Update().set("listed", true), FILES);
                }
            }
        }
        return abandoned.size();
    }

    /** A report's files go with it (at the end of its retention); their records and custody too. */
    public void erase(String reportId) {
        for (EvidenceFile file : template.find(query(where("reportId").is(reportId)), EvidenceFile.class, FILES)) {
            discard(file.id(), reportId, 0);
            audit.record(Caller.system("retention"), "EVIDENCE_ERASED", "evidence", file.id(), Map.of("report", reportId,
                    "sha256", String.valueOf(file.sha256()), "basis", "the report's retention ended"));
        }
        template.remove(query(where("reportId").is(reportId)), CUSTODY);
        template.remove(query(where("_id").is(reportId)), QUOTA);
    }

    /** A file that is not to be kept goes whole (chunks, record, custody) and gives back what it reserved. */
    private void discard(String id, String reportId, long reserved) {
        template.remove(query(where("files_id").is(id)), BUCKET + ".chunks");
        template.remove(query(where("_id").is(id)), BUCKET + ".files");
        template.remove(query(where("fileId").is(id)), CUSTODY);
        if (template.remove(query(where("_id").is(id)), FILES).getDeletedCount() > 0) {
            template.updateFirst(query(where("_id").is(reportId)), new Update().inc("bytes", -reserved).inc("files", -1), QUOTA);
        }
    }

    /** The name without any path, control or quoting characters, at most 120 characters. */
    static String cleanName(String given) {
        if (given == null) {
            return "";
        }
        String name = Normalizer.normalize(given, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}\"';:*?<>|]", "_").replaceAll("\\s+", " ").strip();
        name = name.replaceAll("^[. ]+", "");
        if (name.length() > 120) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 120 - extension.length()) + extension;
        }
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
