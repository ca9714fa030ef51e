package org.cyberreport.console.triage;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.web.ProblemFields;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The officer withdraws a request the country sent abroad (or drafted) while it is still open, saying why:
 * the destination is told. A request already answered, refused, expired or withdrawn cannot be (409).
 */
@Controller
@RequestMapping("/triage/requests/{id}/withdrawal")
class RequestWithdrawalController {

    private static final String PAGE = "triage/withdrawal";

    private final TriageApi api;

    RequestWithdrawalController(TriageApi api) {
        this.api = api;
    }

    /** The reason, as the API takes it ({@code {"reason": …}}); blank and length are the API's to refuse. */
    public static class WithdrawalForm {
        public String reason;
    }

    @InitBinder("withdrawal")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    String show(@PathVariable String id, Model model, HttpServletResponse response) {
        model.addAttribute("withdrawal", new WithdrawalForm());
        return page(api.request(id), model, response);
    }

    @PostMapping
    String withdraw(@PathVariable String id, @ModelAttribute("withdrawal") WithdrawalForm form, BindingResult result,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CaseViews.Request request = api.request(id);
        if (!request.open()) {
            return page(request, model, response);
        }
        try {
            api.withdraw(id, form);
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
            return page(request, model, response);
        }
        redirect.addFlashAttribute("notice", "withdrawal.done");
        return "redirect:/triage/requests";
    }

    private static String page(CaseViews.Request request, Model model, HttpServletResponse response) {
        if (!request.open()) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("abroad", request);
        return PAGE;
    }
}
