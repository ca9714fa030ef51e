package org.cyberreport.console.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Evidence files in the console: the filing unit attaches them to its report; the unit and its country's
 * officers see each file with its chain of custody and download it (never shown in the browser). The bytes
 * pass through the console streamed, from the browser's upload to the API and from the API to the browser.
 */
@Controller
public class EvidencePages {

    private final Gateway gateway;

    EvidencePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Custody(Instant at, String action, String by, String country, String unit, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileView(String id, String reportId, String name, String mediaType, String declaredMediaType,
                           boolean contentMatchesName, boolean executable, Long size, String sha256, Instant receivedAt,
                           String receivedBy, List<Custody> custody) {
    }

    /**
     * The report's files, for its page (a reporter's) or its case's (an officer's); {@code null} when they cannot
     * be read now (the page says so, and shows the rest).
     */
    public List<FileView> files(String reportId) {
        try {
            List<FileView> files = gateway.get(uri -> uri.path("/api/reports/{id}/files").build(reportId),
                    new ParameterizedTypeReference<List<FileView>>() { });
            return files == null ? List.of() : files;
        } catch (ApiProblemException notThere) {
            return List.of();
        } catch (RuntimeException unavailable) {
            log.warn("The files of report {} could not be read: {}", reportId, unavailable.toString());
            return null;
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EvidencePages.class);

    @PostMapping("/reports/{id}/files")
    String attach(@PathVariable String id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String sha256, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("evidenceError", "evidence.empty");
            return "redirect:/reports/" + id + "#evidence";
        }
        String digest = sha256 == null || sha256.isBlank() ? null : sha256.strip();
        try (InputStream content = file.getInputStream()) {
            gateway.upload(uri -> uri.path("/api/reports/{id}/files").queryParam("name", file.getOriginalFilename())
                            .queryParamIfPresent("sha256", java.util.Optional.ofNullable(digest)).build(id),
                    content, file.getSize(), file.getContentType(), FileView.class);
            redirect.addFlashAttribute("notice", "evidence.attached");
        } catch (ApiProblemException refused) {
            redirect.addFlashAttribute("evidenceProblem", refused.problem().detail() != null ? refused.problem().detail()
                    : refused.problem().title());
        }
        return "redirect:/reports/" + id + "#evidence";
    }

    @GetMapping({"/reports/{id}/files/{fileId}", "/triage/cases/{id}/files/{fileId}"})
    String file(@PathVariable String id, @PathVariable String fileId, Model model,
                jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("file", gateway.get(uri -> uri.path("/api/reports/{id}/files/{fileId}").build(id, fileId),
                FileView.class));
        String base = request.getRequestURI().startsWith("/triage/") ? "/triage/cases/" : "/reports/";
        model.addAttribute("back", base + id);
        model.addAttribute("downloadPath", base + id + "/files/" + fileId + "/download");
        return "evidence/file";
    }

    @GetMapping({"/reports/{id}/files/{fileId}/download", "/triage/cases/{id}/files/{fileId}/download"})
    void download(@PathVariable String id, @PathVariable String fileId, HttpServletResponse response) {
        gateway.download(uri -> uri.path("/api/reports/{id}/files/{fileId}/content").build(id, fileId),
                (headers, body) -> org.cyberreport.console.api.Downloads.attachment(headers, body, response));
    }
}
