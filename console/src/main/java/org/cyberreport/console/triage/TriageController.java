package org.cyberreport.console.triage;

import java.util.List;
import java.util.Locale;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.report.ReportForm;
import org.cyberreport.console.security.ConsoleUser;
import org.cyberreport.console.web.Languages;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A triage officer's pages: the country's queue, a case with its score breakdown, links, cluster, notes
 * and history, and the officer's actions on it; the requests sent abroad with their answers.
 */
@Controller
@RequestMapping("/triage")
class TriageController {

    private static final String CASE = "triage/case";

    private final TriageApi api;
    private final JsonMapper json;

    private final org.cyberreport.console.evidence.EvidencePages evidence;

    TriageController(TriageApi api, JsonMapper json, org.cyberreport.console.evidence.EvidencePages evidence) {
        this.evidence = evidence;
        this.api = api;
        this.json = json;
    }

    @InitBinder({"overrideForm", "noteForm", "escalationForm", "closureForm", "classificationForm"})
    void forms(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/queue")
    String queue(@Valid QueueFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("page", api.queue(filter));
        return "triage/queue";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) String draft,
                @RequestParam(required = false) String country, Authentication authentication, Model model) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if ("compound".equals(draft) && user != null && user.isTriageOfficer()) {
            // the escalation form, filled in with triage's draft of the request about the scam compound
            api.compoundRequests(id).stream()
                    .filter(proposed -> country == null || country.equals(proposed.destinationCountry()))
                    .findFirst().ifPresent(proposed -> {
                CaseForms.EscalationForm form = new CaseForms.EscalationForm();
                form.destinationCountry = proposed.destinationCountry();
                form.requestType = proposed.requestType();
                form.urgent = proposed.urgent();
                form.reason = proposed.reason();
                model.addAttribute("escalationForm", form);
                model.addAttribute("drafted", true);
            });
        }
        // a supervisor reads the case; the requests abroad are the officers' (cooperation answers them only)
        model.addAttribute("requests", user != null && user.isTriageOfficer() ? api.requestsAbout(id) : null);
        // the report's evidence files (the case's id is its report's): officers read them through intake
        model.addAttribute("files", user != null && user.isTriageOfficer() ? evidence.files(id) : null);
        return showCase(id, model);
    }

    private String showCase(String id, Model model) {
        CaseViews.Case found = api.read(id);
        model.addAttribute("case", found);
        // The report as filed, read as the report pages read it (fields the console does not show are skipped).
        model.addAttribute("content", found.content() == null || found.content().isNull() ? null
                : json.readerFor(ReportForm.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(found.content()));
        addIfAbsent(model, "overrideForm", new CaseForms.OverrideForm());
        addIfAbsent(model, "noteForm", new CaseForms.NoteForm());
        addIfAbsent(model, "escalationForm", new CaseForms.EscalationForm());
        addIfAbsent(model, "closureForm", new CaseForms.ClosureForm());
        addIfAbsent(model, "classificationForm", CaseForms.ClassificationForm.of(found));
        return CASE;
    }

    @PostMapping("/cases/{id}/claim")
    String claim(@PathVariable String id, RedirectAttributes redirect) {
        api.act(id, "claim", null);
        return done(id, "case.claimed", redirect);
    }

    @PostMapping("/cases/{id}/release")
    String release(@PathVariable String id, RedirectAttributes redirect) {
        api.act(id, "release", null);
        return done(id, "case.released", redirect);
    }

    @PostMapping("/cases/{id}/override")
    String override(@PathVariable String id, @ModelAttribute("overrideForm") CaseForms.OverrideForm form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        return act(id, "level-override", form, result, "case.overridden", model, redirect);
    }

    @PostMapping("/cases/{id}/reclassify")
    String reclassify(@PathVariable String id, @ModelAttribute("classificationForm") CaseForms.ClassificationForm form,
                      BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, "classification", form, result, "case.reclassified", model, redirect);
    }

    @PostMapping("/cases/{id}/notes")
    String note(@PathVariable String id, @ModelAttribute("noteForm") CaseForms.NoteForm form, BindingResult result,
                Model model, RedirectAttributes redirect) {
        return act(id, "notes", form, result, "case.noted", model, redirect);
    }

    @PostMapping("/cases/{id}/escalate")
    String escalate(@PathVariable String id, @ModelAttribute("escalationForm") CaseForms.EscalationForm form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        return act(id, "escalations", form, result, "case.escalated", model, redirect);
    }

    @PostMapping("/cases/{id}/close")
    String close(@PathVariable String id, @ModelAttribute("closureForm") CaseForms.ClosureForm form, BindingResult result,
                 Model model, RedirectAttributes redirect) {
        return act(id, "closure", form, result, "case.closed", model, redirect);
    }

    /**
     * A cluster as a picture and as a table. A page of its own, opened from a case, rather than a part of
     * every case page: triage records each look at a cluster in its audit trail.
     */
    @GetMapping("/clusters/{clusterId}")
    String cluster(@PathVariable @Size(max = 64) String clusterId,
                   @RequestParam(name = "case", required = false) @Size(max = 64) String fromCase, Locale locale, Model model) {
        CaseViews.Cluster cluster = api.cluster(clusterId).startingWith(fromCase);
        model.addAttribute("cluster", cluster);
        model.addAttribute("fromCase", fromCase);
        model.addAttribute("picture", ClusterPicture.of(cluster, fromCase, Languages.isRightToLeft(locale)));
        return "triage/cluster";
    }

    @GetMapping("/requests")
    String requests(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
        List<CaseViews.SentRequest> requests = api.requestsSent(page);
        model.addAttribute("requests", requests);
        model.addAttribute("pageNumber", page);
        return "triage/requests";
    }

    private String act(String id, String action, Object form, BindingResult result, String notice, Model model,
                       RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                api.act(id, action, form);
                return done(id, notice, redirect);
            } catch (ApiProblemException refused) {
                if (!ProblemFields.apply(refused.problem(), result)) {
                    throw refused;
                }
            }
        }
        // only an officer acts on a case (the path says so)
        model.addAttribute("requests", api.requestsAbout(id));
        return showCase(id, model);
    }

    private static String done(String id, String notice, RedirectAttributes redirect) {
        redirect.addAttribute("id", id);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/triage/cases/{id}";
    }

    private static void addIfAbsent(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }
}
