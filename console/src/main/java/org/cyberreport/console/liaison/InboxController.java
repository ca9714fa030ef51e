package org.cyberreport.console.liaison;

import java.util.List;
import java.util.Map;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.core.ParameterizedTypeReference;
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

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.JsonNode;

/**
 * A liaison's pages: the requests addressed to the liaison's country, soonest due first, and a request
 * with its handling marks, to acknowledge, answer or refuse.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

    private static final ParameterizedTypeReference<List<RequestViews.Request>> REQUESTS = new ParameterizedTypeReference<>() { };

    private final Gateway gateway;

    InboxController(Gateway gateway) {
        this.gateway = gateway;
    }

    @InitBinder({"answerForm", "refusalForm"})
    void forms(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping
    String inbox(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page, Model model) {
        model.addAttribute("requests", gateway.get(uri -> uri.path("/api/cooperation/inbox")
                .queryParam("page", page).queryParam("size", 20).build(), REQUESTS));
        model.addAttribute("pageNumber", page);
        return "inbox/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("request", gateway.get(uri -> uri.path("/api/cooperation/requests/{id}").build(id),
                RequestViews.Request.class));
        // the evidence files the request carries (none for the types that carry no victims' data)
        model.addAttribute("files", gateway.get(uri -> uri.path("/api/cooperation/requests/{id}/files").build(id),
                new org.springframework.core.ParameterizedTypeReference<java.util.List<RequestViews.AttachedFile>>() { }));
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new LiaisonForms.AnswerForm());
        }
        if (!model.containsAttribute("refusalForm")) {
            model.addAttribute("refusalForm", new LiaisonForms.RefusalForm());
        }
        return "inbox/detail";
    }

    /**
     * A file the request carries, as a download only; the reporting country's chain of custody records this
     * liaison receiving it before the first byte.
     */
    @GetMapping("/{id}/files/{fileId}/download")
    void download(@PathVariable String id, @PathVariable String fileId, jakarta.servlet.http.HttpServletResponse response) {
        gateway.download(uri -> uri.path("/api/cooperation/requests/{id}/files/{fileId}/content").build(id, fileId),
                (headers, body) -> org.cyberreport.console.api.Downloads.attachment(headers, body, response));
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
        post(id, "acknowledgement", null);
        return done(id, "request.acknowledged", redirect);
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable String id, @ModelAttribute("answerForm") LiaisonForms.AnswerForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        return act(id, "answer", form.body(), result, "request.answered", model, redirect);
    }

    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable String id, @ModelAttribute("refusalForm") LiaisonForms.RefusalForm form, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        return act(id, "refusal", form, result, "request.refused", model, redirect);
    }

    private String act(String id, String action, Object form, BindingResult result, String notice, Model model,
                       RedirectAttributes redirect) {
        try {
            post(id, action, form);
            return done(id, notice, redirect);
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
            return show(id, model);
        }
    }

    private void post(String id, String action, Object body) {
        gateway.post(uri -> uri.path("/api/cooperation/requests/{id}/{action}").build(id, action), body, Map.of(),
                JsonNode.class);
    }

    private static String done(String id, String notice, RedirectAttributes redirect) {
        redirect.addAttribute("id", id);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/inbox/{id}";
    }
}
