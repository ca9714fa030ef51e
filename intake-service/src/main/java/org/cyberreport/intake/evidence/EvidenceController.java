package org.cyberreport.intake.evidence;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.cyberreport.kit.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/reports/{reportId}/files")
@Tag(name = "Evidence files", description = "Files attached to a report, with their chain of custody")
class EvidenceController {

    private final EvidenceDesk desk;

    EvidenceController(EvidenceDesk desk) {
        this.desk = desk;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach a file (the body is the file's bytes): typed by its content, its SHA-256 computed on "
            + "arrival and checked against the one stated (sha256, hex), within the per-file and per-report limits")
    ResponseEntity<EvidenceDesk.View> attach(Caller caller, @PathVariable String reportId, @RequestParam String name,
                                             @RequestParam(required = false) String sha256, HttpServletRequest request)
            throws IOException {
        EvidenceDesk.View stored = desk.receive(caller, reportId, name, sha256, request.getContentType(),
                request.getContentLengthLong(), request.getInputStream());
        return ResponseEntity.created(URI.create("/api/reports/" + reportId + "/files/" + stored.id())).body(stored);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The report's files, for those who may read the report")
    List<EvidenceDesk.View> list(Caller caller, @PathVariable String reportId) {
        return desk.list(caller, reportId);
    }

    @GetMapping(path = "/{fileId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One file with its chain of custody (received, consulted, downloaded, passed to triage, disclosed abroad)")
    EvidenceDesk.View consult(Caller caller, @PathVariable String reportId, @PathVariable String fileId) {
        return desk.consult(caller, reportId, fileId);
    }

    @GetMapping("/{fileId}/content")
    @Operation(summary = "The file's bytes, as a download only (never shown inline), under a safe name")
    void download(Caller caller, @PathVariable String reportId, @PathVariable String fileId, HttpServletResponse response)
            throws IOException {
        EvidenceFile file = desk.download(caller, reportId, fileId);
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // RFC 9530: what the bytes must hash to, for the recipient to check
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        desk.copy(file, response.getOutputStream());
    }
}
