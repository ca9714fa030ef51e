package org.cyberreport.console.supervision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The triage supervisor's page: the country's officers with what each holds and how much of it is overdue,
 * what is overdue by officer and level, the country's queue with who holds each case (or one officer's
 * cases), and the reassignment of a case to another officer with a reason.
 */
@Controller
@Validated
@RequestMapping("/supervision")
class SupervisionController {

    private static final String PAGE = "supervision/overview";
    private static final String ASSIGNMENT = "supervision/assignment";

    private final Gateway gateway;

    SupervisionController(Gateway gateway) {
        this.gateway = gateway;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OfficerLoad(String username, Instant lastSeenAt, long holding, long overdue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OverdueByOfficer(String officer, long overdue, Map<String, Long> byLevel, Instant oldestDueAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Overdue(Instant asOf, long total, boolean complete, List<OverdueByOfficer> officers) {
    }

    /** A case as the queue lists it, or as the case's own view gives it (which has no score of its own). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Held(String id, String reference, String category, String subtype, String status, String level, Integer score,
                Instant dueAt, String claimedBy) {

        public boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Held> items, int page, int size, long totalItems, long totalPages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < totalPages;
        }
    }

    /** The officer a case goes to and why, as the API takes them; blank values are the API's to refuse. */
    public static class AssignmentForm {
        public String officer;
        public String reason;
    }

    @InitBinder("assignment")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    String overview(@RequestParam(required = false) @Size(max = 255) @Pattern(regexp = "[\\p{L}\\p{N}._@-]*") String heldBy,
                    @RequestParam(required = false) @Pattern(regexp = "P[1-4]|") String level,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
        String officer = heldBy == null || heldBy.isBlank() ? null : heldBy;
        String onlyLevel = level == null || level.isBlank() ? null : level;
        model.addAttribute("officers", officers());
        model.addAttribute("overdue", gateway.get(uri -> uri.path("/api/triage/supervision/overdue").build(), Overdue.class));
        model.addAttribute("page", gateway.get(uri -> uri.path("/api/triage/supervision/cases")
                .queryParamIfPresent("heldBy", Optional.ofNullable(officer))
                .queryParamIfPresent("level", Optional.ofNullable(onlyLevel))
                .queryParam("page", page).queryParam("size", 20).build(), Page.class));
        model.addAttribute("heldBy", officer);
        model.addAttribute("level", onlyLevel);
        return PAGE;
    }

    @GetMapping("/cases/{id}/assignment")
    String assignment(@PathVariable @Size(max = 100) String id, Model model) {
        model.addAttribute("assignment", new AssignmentForm());
        return assignmentPage(id, model);
    }

    @PostMapping("/cases/{id}/assignment")
    String reassign(@PathVariable @Size(max = 100) String id, @ModelAttribute("assignment") AssignmentForm form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            gateway.post(uri -> uri.path("/api/triage/supervision/cases/{id}/assignment").build(id),
                    Map.of("officer", form.officer == null ? "" : form.officer, "reason", form.reason == null ? "" : form.reason),
                    Map.of(), Held.class);
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
            return assignmentPage(id, model);
        }
        redirect.addFlashAttribute("notice", "supervision.reassigned");
        return "redirect:/supervision";
    }

    private String assignmentPage(String id, Model model) {
        model.addAttribute("held", gateway.get(uri -> uri.path("/api/triage/cases/{id}").build(id), Held.class));
        model.addAttribute("officers", officers());
        return ASSIGNMENT;
    }

    private List<OfficerLoad> officers() {
        return gateway.get(uri -> uri.path("/api/triage/supervision/officers").build(),
                new org.springframework.core.ParameterizedTypeReference<List<OfficerLoad>>() { });
    }
}
