package org.cyberreport.console.triage;

import java.io.IOException;
import java.util.Set;

import org.cyberreport.console.api.ApiProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Intelligence exchange in the console: an officer downloads a case's or a cluster's indicators as a
 * STIX 2.1 bundle or a MISP event (a download, never shown in the page; triage decides what the marks
 * let out); a supervisor records an originator's permission to export a TLP:RED or H2 case, and
 * imports and removes feeds of known-bad indicators.
 */
@Controller
class ExchangePages {

    private static final Set<String> FORMATS = Set.of("stix", "misp");

    private final TriageApi api;

    ExchangePages(TriageApi api) {
        this.api = api;
    }

    @GetMapping("/triage/cases/{id}/export/{format}")
    void caseExport(@PathVariable String id, @PathVariable String format, HttpServletResponse response) {
        export("cases", id, format, response);
    }

    @GetMapping("/triage/clusters/{clusterId}/export/{format}")
    void clusterExport(@PathVariable String clusterId, @PathVariable String format, HttpServletResponse response) {
        export("clusters", clusterId, format, response);
    }

    private void export(String kind, String id, String format, HttpServletResponse response) {
        if (!FORMATS.contains(format) || id.length() > 64) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        api.export(kind, id, format, (headers, body) -> {
            response.setContentType("application/json");
            String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition != null ? disposition
                    : "attachment; filename=\"" + kind + "." + format + ".json\"");
            String tlp = headers.getFirst("Cyberreport-Tlp");
            if (tlp != null) {
                response.setHeader("Cyberreport-Tlp", tlp);
            }
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            body.transferTo(response.getOutputStream());
        });
    }

    /**
     * The officer sends one of the report's evidence files with a request abroad; cooperation refuses what the
     * request may not carry (its type, its handling marks), and the page says why.
     */
    @PostMapping("/triage/cases/{id}/request-files")
    String sendFile(@PathVariable String id, @RequestParam String requestId, @RequestParam String fileId,
                    RedirectAttributes redirect) {
        try {
            api.attachFile(requestId, fileId);
            redirect.addFlashAttribute("notice", "case.file-sent");
        } catch (ApiProblemException refused) {
            if (refused.problem().status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("fileRefusal", refused.problem().detail());
        }
        redirect.addAttribute("id", id);
        return "redirect:/triage/cases/{id}";
    }

    public static class PermissionForm {
        public String permission;
    }

    @PostMapping("/supervision/cases/{id}/export-permission")
    String permit(@PathVariable String id, @RequestParam(defaultValue = "") String permission, RedirectAttributes redirect) {
        PermissionForm form = new PermissionForm();
        form.permission = permission.strip();
        try {
            api.permitExport(id, form);
            redirect.addFlashAttribute("notice", "case.export-permitted");
        } catch (ApiProblemException refused) {
            if (refused.problem().status() != 400) {
                throw refused;
            }
            redirect.addFlashAttribute("notice", "case.export-permission-needed");
        }
        redirect.addAttribute("id", id);
        return "redirect:/triage/cases/{id}";
    }

    @GetMapping("/supervision/feeds")
    String feeds(Model model) {
        model.addAttribute("feeds", api.feeds());
        return "supervision/feeds";
    }

    @PostMapping("/supervision/feeds")
    String importFeed(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String name, Model model,
                      RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("problem", "feeds.empty");
            return feeds(model);
        }
        try {
            CaseViews.Feed imported = api.importFeed(file.getInputStream(), file.getSize(),
                    name.isBlank() ? null : name.strip());
            redirect.addFlashAttribute("notice", "feeds.imported");
            redirect.addFlashAttribute("imported", imported);
            return "redirect:/supervision/feeds";
        } catch (ApiProblemException refused) {
            if (refused.problem().status() >= 500) {
                throw refused;
            }
            model.addAttribute("problemDetail", refused.problem().detail());
            return feeds(model);
        }
    }

    @PostMapping("/supervision/feeds/{feedId}/remove")
    String removeFeed(@PathVariable String feedId, RedirectAttributes redirect) {
        api.removeFeed(feedId);
        redirect.addFlashAttribute("notice", "feeds.removed");
        return "redirect:/supervision/feeds";
    }
}
