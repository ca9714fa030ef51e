package org.cyberreport.console.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * "Have we seen this?": an officer (or a supervisor) looks up an identifier held from a call, a bank or a
 * seized phone, saying why. The cases of the officer's country are listed; of other countries, only which
 * have any. Sent as a form (not in the address): the purpose is said to triage, which records it, and to no log.
 */
@Controller
@RequestMapping("/lookup")
class LookupController {

    private static final String PAGE = "lookup";

    private final Gateway gateway;
    private final PartnerCheckController partnerChecks;

    LookupController(Gateway gateway, PartnerCheckController partnerChecks) {
        this.gateway = gateway;
        this.partnerChecks = partnerChecks;
    }

    /** The question, as the API takes it; blank values and lengths are the API's to refuse. */
    public static class LookupForm {
        public String type = "IBAN";
        public String value;
        public String chain;
        public String platform;
        public String purpose;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CaseFound(String caseId, String reference, String unit, String category, String level, String status,
                     Instant receivedAt, int links, String clusterId, int clusterCases) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(String identifier, long casesInCountry, List<CaseFound> cases, boolean elsewhere, List<String> countries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SetAside(String identifier, String reason, String list, String listName, String listVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String type, List<Found> identifiers, List<SetAside> setAside) {
    }

    @InitBinder("lookup")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("lookup", new LookupForm());
        partnerChecks.prepare(model);
        return PAGE;
    }

    @PostMapping
    String lookUp(@ModelAttribute("lookup") LookupForm form, BindingResult result, Model model) {
        partnerChecks.prepare(model);
        if (blank(form.value)) {
            result.rejectValue("value", "lookup.value.required");
        }
        if (blank(form.purpose)) {
            result.rejectValue("purpose", "lookup.purpose.required");
        }
        if (result.hasErrors()) {
            return PAGE;
        }
        try {
            model.addAttribute("answer", gateway.get(uri -> uri.path("/api/triage/lookup")
                    .queryParam("type", form.type).queryParam("value", form.value.strip())
                    .queryParamIfPresent("chain", Optional.ofNullable(blank(form.chain) ? null : form.chain))
                    .queryParamIfPresent("platform", Optional.ofNullable(blank(form.platform) ? null : form.platform.strip()))
                    .queryParam("purpose", form.purpose.strip()).build(), Answer.class));
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
        }
        return PAGE;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
