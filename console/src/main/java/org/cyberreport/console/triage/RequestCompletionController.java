package org.cyberreport.console.triage;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.cyberreport.console.api.ApiProblem;
import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.web.LinesEditor;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
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

/**
 * The officer completes a draft request abroad and sends it: the page offers a field for each item the
 * completeness check found missing, and the submission sends the request's whole content back with those
 * items filled in ({@link RequestCompletion#merged}). What the API refuses comes back beside its field.
 */
@Controller
@RequestMapping("/triage/requests/{id}/completion")
class RequestCompletionController {

    private static final String PAGE = "triage/completion";

    private final TriageApi api;

    RequestCompletionController(TriageApi api) {
        this.api = api;
    }

    @InitBinder("completion")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(60);
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.registerCustomEditor(List.class, "questions", new LinesEditor());
        binder.registerCustomEditor(List.class, "assetTypes", new LinesEditor());
    }

    @GetMapping
    String show(@PathVariable String id, Model model, HttpServletResponse response) {
        CaseViews.Request request = api.request(id);
        model.addAttribute("completion", CompletionForm.startingFrom(request.content(), RequestCompletion.MEASURES));
        return page(request, model, response);
    }

    @PostMapping
    String complete(@PathVariable String id, @ModelAttribute("completion") CompletionForm form, BindingResult result,
                    @RequestParam(name = "_add", required = false) String add,
                    @RequestParam(name = "_remove", required = false) String remove,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CaseViews.Request request = api.request(id);
        RequestCompletion completion = RequestCompletion.of(request.missing());
        if (!request.draft() || !completion.completable() || form.changeRows(add, remove) || result.hasErrors()) {
            return page(request, model, response);
        }
        form.dropBlankPersons();
        try {
            api.submit(id, completion.merged(request.content(), form));
        } catch (ApiProblemException refused) {
            ApiProblem problem = completion.onForm(refused.problem(), form);
            boolean marks = RequestCompletion.refusedForItsMarks(refused.problem());
            if (marks) {
                result.reject("completion.handling-permission");
            }
            if (!(marks && problem.errors().isEmpty()) && !ProblemFields.apply(problem, result)) {
                throw refused;
            }
            if (form.persons.isEmpty()) {
                form.persons.add(new CompletionForm.Person());
            }
            return page(request, model, response);
        }
        redirect.addFlashAttribute("notice", "completion.sent");
        return "redirect:/triage/requests";
    }

    /** A request that is no longer a draft has nothing to complete: the page says so, with the conflict's status. */
    private static String page(CaseViews.Request request, Model model, HttpServletResponse response) {
        if (!request.draft()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("draft", request);
        model.addAttribute("items", RequestCompletion.of(request.missing()));
        return PAGE;
    }
}
