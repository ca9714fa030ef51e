package org.cyberreport.console.lookup;

import java.util.List;
import java.util.Map;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Gateway;
import org.cyberreport.console.web.ProblemFields;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hit/no-hit: an officer asks a partner country's platform whether its reports name an identifier; the
 * partner learns nothing of it, and a no-hit tells the officer nothing more. A hit shows the partner's
 * references and offers the pre-filled information request, sent with one action.
 */
@Controller
@RequestMapping("/lookup/partner")
class PartnerCheckController {

    private static final String PAGE = "lookup";

    private final Gateway gateway;
    private final JsonMapper json;

    PartnerCheckController(Gateway gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    /** The look-up's question, and the partner country it is put to. */
    public static class PartnerForm extends LookupController.LookupForm {
        public String partner;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(String identifier, boolean hit, List<String> references) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String partner, String type, List<Result> identifiers, int partnerTableSize, Map<String, Object> followUp) {

        public boolean anyHit() {
            return identifiers.stream().anyMatch(Result::hit);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String country, Boolean hitcheck) {
    }

    @InitBinder("partnerCheck")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @PostMapping
    String ask(@ModelAttribute("partnerCheck") PartnerForm form, BindingResult result, Model model) {
        unbound(model, "lookup", new LookupController.LookupForm());
        prepare(model);
        if (blank(form.partner)) {
            result.rejectValue("partner", "hitcheck.partner.required");
        }
        if (blank(form.value)) {
            result.rejectValue("value", "lookup.value.required");
        }
        if (blank(form.purpose)) {
            result.rejectValue("purpose", "lookup.purpose.required");
        }
        if (result.hasErrors()) {
            return PAGE;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("partner", form.partner);
        body.put("type", form.type);
        body.put("value", form.value.strip());
        if (!blank(form.chain)) {
            body.put("chain", form.chain);
        }
        if (!blank(form.platform)) {
            body.put("platform", form.platform.strip());
        }
        body.put("purpose", form.purpose.strip());
        try {
            Answer answer = gateway.post(uri -> uri.path("/api/triage/hitchecks").build(), body, Map.of(), Answer.class).body();
            model.addAttribute("partnerAnswer", answer);
            if (answer.followUp() != null) {
                model.addAttribute("followUp", json.writeValueAsString(answer.followUp()));
            }
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
        }
        return PAGE;
    }

    /** The hit's pre-filled information request, as triage drafted it, sent to the partner at once. */
    @PostMapping("/request")
    String send(@RequestParam String followUp, RedirectAttributes redirect) {
        Map<String, Object> body;
        try {
            body = new java.util.LinkedHashMap<>(json.readValue(followUp, new tools.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        } catch (JacksonException unreadable) {
            throw new ApiProblemException(new org.cyberreport.console.api.ApiProblem(400,
                    "urn:cyberreport:problem:malformed-request", null, "The request could not be read", List.of(), null, null));
        }
        body.put("send", true);
        gateway.post(uri -> uri.path("/api/cooperation/requests").build(), body, Map.of(), Map.class);
        redirect.addFlashAttribute("notice", "hitcheck.request.sent");
        return "redirect:/triage/requests";
    }

    /** The countries an administrator switched hit/no-hit on for. */
    private List<String> partners() {
        try {
            List<Entry> entries = gateway.get(uri -> uri.path("/api/cooperation/directory").build(),
                    new ParameterizedTypeReference<List<Entry>>() { });
            return entries == null ? List.of() : entries.stream()
                    .filter(entry -> Boolean.TRUE.equals(entry.hitcheck())).map(Entry::country).toList();
        } catch (ApiProblemException | org.cyberreport.console.api.ApiUnavailableException unavailable) {
            return List.of();
        }
    }

    /** What the look-up page shows of hit/no-hit: an empty form and the partners to choose from. */
    void prepare(Model model) {
        if (!model.containsAttribute("partnerCheck")) {
            unbound(model, "partnerCheck", new PartnerForm());
        }
        model.addAttribute("partners", partners());
    }

    /** A form the request did not bind, read by its fields as the bound ones are. */
    static void unbound(Model model, String name, Object form) {
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, new org.springframework.validation.DirectFieldBindingResult(form, name));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
