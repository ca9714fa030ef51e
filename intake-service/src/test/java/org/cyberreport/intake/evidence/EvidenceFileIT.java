package org.cyberreport.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Evidence files: typed by their content, digested on arrival and checked against what is stated, within
 * their limits, read only by those who may read the report, downloaded (never shown) under a safe name, and
 * every handling in the file's chain of custody.
 */
@TestPropertySource(properties = {"cyberreport.evidence.max-file-size=2MB", "cyberreport.evidence.max-report-size=3MB",
        "cyberreport.evidence.max-files=4"})
class EvidenceFileIT extends IntakeIT {

    private static final String CASABLANCA = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String RABAT = TestTokens.reporter("MA", "rabat-cyber");
    private static final String TRIAGE_MA = TestTokens.triageOfficer("MA");
    private static final String TRIAGE_FR = TestTokens.triageOfficer("FR");
    /** The start of a Windows program: "MZ", then the DOS stub's message. */
    private static final byte[] PROGRAM = program();

    private String reportId;

    @BeforeEach
    void aReport() {
        for (String collection : List.of("evidence_files", "evidence_custody", "evidence_quota", "evidence.files", "evidence.chunks")) {
            mongo.remove(new org.springframework.data.mongodb.core.query.Query(), collection);
        }
        Http.Answer filed = file(CASABLANCA, example("online-fraud"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        reportId = filed.json().get("id").asString();
    }

    @Test
    void aProgramNamedPdfIsTypedByItsContentAndComesBackOnlyAsADownload() throws Exception {
        Http.Answer attached = attach(CASABLANCA, "../../statement \"final\".pdf", null, "application/pdf", PROGRAM);
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        JsonNode file = attached.json();
        assertThat(file.get("mediaType").asString()).matches("application/x-(msdownload|dosexec).*");
        assertThat(file.get("declaredMediaType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("contentMatchesName").asBoolean()).isFalse();
        assertThat(file.get("executable").asBoolean()).isTrue();
        assertThat(file.get("name").asString()).isEqualTo("statement _final_.pdf");
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(PROGRAM));
        assertThat(file.get("size").asLong()).isEqualTo(PROGRAM.length);

        HttpResponse<byte[]> download = download(TRIAGE_MA, file.get("id").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PROGRAM);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("statement _final_.pdf").doesNotContain("../");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
    }

    @Test
    void aStatedDigestIsCheckedAndAMismatchKeepsNothing() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Http.Answer wrong = attach(CASABLANCA, "statement.pdf", sha256("something else".getBytes(StandardCharsets.UTF_8)),
                "application/pdf", pdf);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("errors").toString()).contains("sha256");
        assertThat(mongo.estimatedCount("evidence_files")).isZero();
        assertThat(mongo.estimatedCount("evidence.chunks")).as("no chunk left behind").isZero();

        Http.Answer right = attach(CASABLANCA, "statement.pdf", sha256(pdf).toUpperCase(), "application/pdf", pdf);
        assertThat(right.status()).as(right.body()).isEqualTo(201);
        assertThat(right.json().get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(right.json().get("contentMatchesName").asBoolean()).isTrue();
        assertThat(attach(CASABLANCA, "statement.pdf", "not-a-digest", "application/pdf", pdf).status()).isEqualTo(400);
    }

    @Test
    void onlyThoseWhoMayReadTheReportReachItsFilesAndOnlyItsUnitAddsThem() {
        String id = attach(CASABLANCA, "chat.txt", null, "text/plain", "the scammer wrote...".getBytes(StandardCharsets.UTF_8))
                .json().get("id").asString();

        assertThat(http.get(files() + "/" + id, CASABLANCA).status()).isEqualTo(200);
        assertThat(http.get(files() + "/" + id, TRIAGE_MA).status()).isEqualTo(200);
        assertThat(http.get(files() + "/" + id, RABAT).status()).as("another unit").isEqualTo(404);
        assertThat(http.get(files() + "/" + id + "/content", RABAT).status()).isEqualTo(404);
        assertThat(http.get(files(), RABAT).status()).isEqualTo(404);
        assertThat(http.get(files() + "/" + id, TRIAGE_FR).status()).as("another country").isEqualTo(404);
        assertThat(http.get("/api/reports/" + reportId + "/files/unknown", CASABLANCA).status()).isEqualTo(404);
        assertThat(attach(RABAT, "more.txt", null, "text/plain", new byte[] {'x'}).status()).isEqualTo(404);
        assertThat(attach(TRIAGE_MA, "more.txt", null, "text/plain", new byte[] {'x'}).status())
                .as("officers read, the filing unit adds").isEqualTo(403);
        assertThat(http.get(files() + "/" + id, null).status()).isEqualTo(401);
    }

    @Test
    void everyHandlingIsInTheChainOfCustody() {
        String id = attach(CASABLANCA, "bank-statement.csv", null, "text/csv", "date,amount\n2026-11-28,4500\n".getBytes(StandardCharsets.UTF_8))
                .json().get("id").asString();
        http.get(files() + "/" + id, TRIAGE_MA);
        download(TRIAGE_MA, id);
        download(CASABLANCA, id);

        JsonNode custody = http.get(files() + "/" + id, CASABLANCA).json().get("custody");
        assertThat(custody.findValuesAsString("action")).containsExactly("RECEIVED", "CONSULTED", "DOWNLOADED", "DOWNLOADED", "CONSULTED");
        assertThat(custody.get(0).get("by").asString()).isNotBlank();
        assertThat(custody.get(0).get("unit").asString()).isEqualTo("casablanca-cyber");
        assertThat(custody.get(0).get("detail").asString()).contains("SHA-256");
        assertThat(custody.get(2).get("country").asString()).isEqualTo("MA");
        assertThat(mongo.count(query(where("resourceId").is(id).and("action").is("EVIDENCE_DOWNLOADED")), "audit_log")).isEqualTo(2);
        JsonNode listed = http.get(files(), TRIAGE_MA).json();
        assertThat(listed.findValuesAsString("id")).containsExactly(id);
    }

    @Test
    void theLimitsPerFileAndPerReportHoldAndAnOverflowKeepsNothing() {
        byte[] megabyte = new byte[1024 * 1024];
        megabyte[0] = 'x';
        Http.Answer tooLarge = attach(CASABLANCA, "video.bin", null, "application/octet-stream", new byte[2 * 1024 * 1024 + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(attach(CASABLANCA, "empty.bin", null, "application/octet-stream", new byte[0]).status()).isEqualTo(400);
        assertThat(attach(CASABLANCA, "a.bin", null, "application/octet-stream", megabyte).status()).isEqualTo(201);
        assertThat(attach(CASABLANCA, "b.bin", null, "application/octet-stream", megabyte).status()).isEqualTo(201);
        Http.Answer overReport = attach(CASABLANCA, "c.bin", null, "application/octet-stream", new byte[1024 * 1024 + 10]);
        assertThat(overReport.status()).as("3 MB per report").isEqualTo(413);
        assertThat(attach(CASABLANCA, "d.bin", null, "application/octet-stream", new byte[1000]).status()).isEqualTo(201);
        assertThat(attach(CASABLANCA, "e.bin", null, "application/octet-stream", new byte[1000]).status()).isEqualTo(201);
        assertThat(attach(CASABLANCA, "f.bin", null, "application/octet-stream", new byte[10]).status()).as("4 files").isEqualTo(413);
        assertThat(mongo.estimatedCount("evidence_files")).isEqualTo(4);
        long chunksOfStored = mongo.findAll(Document.class, "evidence.files").size();
        assertThat(chunksOfStored).isEqualTo(4);
    }

    @Test
    void uploadsAtTheSameTimeCannotTogetherPassTheReportsLimit() throws Exception {
        byte[] megabyte = new byte[1024 * 1024];
        megabyte[0] = 'x';
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String name = "part-" + i + ".bin";
                statuses.add(pool.submit(() -> attach(CASABLANCA, name, null, "application/octet-stream", megabyte).status()));
            }
            List<Integer> answered = new java.util.ArrayList<>();
            for (var status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).containsOnly(201, 413);
            assertThat(answered.stream().filter(status -> status == 201).count()).as("3 MB per report").isLessThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        long stored = mongo.findAll(Document.class, "evidence_files").stream().mapToLong(file -> file.get("size", Number.class).longValue()).sum();
        assertThat(stored).isLessThanOrEqualTo(3L * 1024 * 1024);
        assertThat(mongo.findById(reportId, Document.class, "evidence_quota").get("bytes", Number.class).longValue()).isEqualTo(stored);
    }

    private String files() {
        return "/api/reports/" + reportId + "/files";
    }

    private Http.Answer attach(String token, String name, String sha256, String type, byte[] content) {
        String query = "?name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                + (sha256 == null ? "" : "&sha256=" + sha256);
        return http.send(http.request(files() + query, token, Map.of("Content-Type", type))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    private HttpResponse<byte[]> download(String token, String fileId) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(http.request(files() + "/" + fileId + "/content", token, Map.of())
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] program() {
        byte[] program = new byte[512];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, program, 0x4e, stub.length);
        program[0x80] = 'P';
        program[0x81] = 'E';
        return program;
    }
}
