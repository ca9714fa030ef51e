package org.cyberreport.intake.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Evidence files going abroad with a cross-border request, for cooperation's own service account only:
 * a file's description (to attach it to a request), and its bytes for the destination's liaison, the
 * disclosure written into the file's chain of custody before the first byte. Cooperation decides
 * whether the request may carry the file (its type, its handling marks, its recipient).
 */
@RestController
@RequestMapping("/internal/reports/{reportId}/files/{fileId}")
@Hidden
class DisclosureController {

    static final String COOPERATION = "service-account-cooperation-service";

    private final EvidenceDesk desk;
    private final org.cyberreport.intake.report.store.ReportStore reports;

    DisclosureController(EvidenceDesk desk, org.cyberreport.intake.report.store.ReportStore reports) {
        this.desk = desk;
        this.reports = reports;
    }

    record FileDescription(String id, String reportId, String name, String mediaType, long size, String sha256) {
    }

    record DisclosureRequest(@NotBlank @Size(max = 64) String requestId,
                             @NotBlank @Pattern(regexp = "[A-Z_]{3,40}") String requestType,
                             @NotBlank @Pattern(regexp = "[A-Z]{2}") String requestingCountry,
                             @NotBlank @Pattern(regexp = "[A-Z]{2}") String destinationCountry,
                             @NotBlank @Size(max = 200) String recipient,
                             @Size(max = 2000) String permission) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    FileDescription describe(Caller caller, @PathVariable String reportId, @PathVariable String fileId) {
        requireCooperation(caller);
        EvidenceFile file = desk.storedFile(reportId, fileId);
        return new FileDescription(file.id(), file.reportId(), file.name(), file.mediaType(), file.size(), file.sha256());
    }

    @PostMapping(path = "/disclosures", consumes = MediaType.APPLICATION_JSON_VALUE)
    void disclose(Caller caller, @PathVariable String reportId, @PathVariable String fileId,
                  @Valid @RequestBody DisclosureRequest request, HttpServletResponse response) throws IOException {
        requireCooperation(caller);
        requireMarksAllow(reportId, request);
        EvidenceFile file = desk.disclose(reportId, fileId, new EvidenceDesk.Disclosure(request.requestId(),
                request.requestType(), request.requestingCountry(), request.destinationCountry(), request.recipient()));
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.name(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256())) + ":");
        desk.copy(file, response.getOutputStream());
    }

    /**
     * The report's own marks as they are now (an amendment may have made it TLP:RED or H2 since the request
     * was made), and only from the country that holds it: cooperation's word is checked where the bytes are.
     */
    private void requireMarksAllow(String reportId, DisclosureRequest request) {
        org.cyberreport.intake.report.Report report = reports.findById(reportId)
                .orElseThrow(() -> ProblemException.notFound("No report " + reportId));
        if (!report.country().equals(request.requestingCountry())) {
            throw ProblemException.notFound("No report " + reportId);
        }
        org.cyberreport.intake.report.HandlingMarks marks = report.content().handling();
        boolean forbidden = marks != null && (marks.tlp() == org.cyberreport.intake.report.HandlingMarks.Tlp.RED
                || marks.codes().contains(org.cyberreport.intake.report.HandlingMarks.HandlingCode.H2));
        if (forbidden && (request.permission() == null || request.permission().isBlank())) {
            throw new ProblemException(ProblemKind.STATE_CONFLICT, "The report is now marked "
                    + (marks.tlp() == org.cyberreport.intake.report.HandlingMarks.Tlp.RED ? "TLP:RED" : "H2")
                    + ": its files do not go abroad without the owner's recorded permission");
        }
    }

    private static void requireCooperation(Caller caller) {
        if (!COOPERATION.equals(caller.username())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only the cooperation service discloses evidence abroad");
        }
    }
}
