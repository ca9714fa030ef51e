package org.cyberreport.console.report;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.Versioned;
import org.cyberreport.console.web.ConsoleProperties;
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

import jakarta.validation.Valid;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reporter's pages: the unit's reports, filing one per category, a report with its history, amending
 * and withdrawing it. Whatever the API refuses comes back beside the fields it names, with everything
 * the user typed still in the form.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");
    private static final String FORM = "reports/form";
    private static final String AMEND = "reports/amend";

    private final ReportApi api;
    private final JsonMapper json;
    private final Vocabulary vocab;
    private final ConsoleProperties console;

    private final org.cyberreport.console.evidence.EvidencePages evidence;

    ReportController(ReportApi api, JsonMapper json, Vocabulary vocab, ConsoleProperties console,
                     org.cyberreport.console.evidence.EvidencePages evidence) {
        this.evidence = evidence;
        this.api = api;
        this.json = json;
        this.vocab = vocab;
        this.console = console;
    }

    @InitBinder({"report", "amendment", "withdrawal"})
    void forms(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowCollectionLimit(200);
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.registerCustomEditor(List.class, "extortion.sextortion.contentHashes", new LinesEditor());
        binder.registerCustomEditor(List.class, "dataTheft.leakUrls", new LinesEditor());
    }

    @GetMapping
    String list(@Valid ReportFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("page", api.list(filter, console.zone()));
        return "reports/list";
    }

    @GetMapping("/new")
    String start(@RequestParam(required = false) String category, Model model) {
        if (!vocab.isCategory(category)) {
            return "reports/choose";
        }
        ReportForm form = new ReportForm();
        form.category = category;
        model.addAttribute("report", form);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return FORM;
    }

    @PostMapping("/new")
    String file(@ModelAttribute("report") ReportForm form, BindingResult result,
                @RequestParam(required = false) String idempotencyKey,
                @RequestParam(name = "_add", required = false) String add,
                @RequestParam(name = "_remove", required = false) String remove,
                Model model, RedirectAttributes redirect) {
        if (!vocab.isCategory(form.category)) {
            return "redirect:/reports/new";
        }
        // One key per form shown: sending the same form twice (a double click, a retry after a 503) files one report.
        String key = idempotencyKey != null && KEY.matcher(idempotencyKey).matches() ? idempotencyKey : UUID.randomUUID().toString();
        model.addAttribute("idempotencyKey", key);
        if (changedRows(form, add, remove) || result.hasErrors()) {
            return FORM;
        }
        ReportBody.dropBlankRows(form, json);
        try {
            ReportViews.Report filed = api.file(ReportBody.of(form, json), key);
            redirect.addAttribute("id", filed.id());
            redirect.addFlashAttribute("notice", "report.filed");
            return "redirect:/reports/{id}";
        } catch (ApiProblemException refused) {
            if (refused.problem().type() != null && refused.problem().type().endsWith(":idempotency-key-reused")) {
                model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
                result.reject("report.key-reused");
                return FORM;
            }
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
            return FORM;
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        Versioned<ReportViews.Report> report = api.read(id);
        model.addAttribute("report", report.body());
        model.addAttribute("content", contentOf(report.body().content(), ReportForm.class));
        model.addAttribute("files", evidence.files(id));
        if (!model.containsAttribute("withdrawal")) {
            WithdrawalForm withdrawal = new WithdrawalForm();
            withdrawal.version = report.body().version();
            model.addAttribute("withdrawal", withdrawal);
        }
        return "reports/detail";
    }

    @GetMapping("/{id}/amend")
    String amendForm(@PathVariable String id, Model model) {
        ReportViews.Report report = api.read(id).body();
        AmendmentForm form = contentOf(report.content(), AmendmentForm.class);
        form.version = report.version();
        model.addAttribute("report", report);
        model.addAttribute("amendment", form);
        return AMEND;
    }

    @PostMapping("/{id}/amend")
    String amend(@PathVariable String id, @ModelAttribute("amendment") AmendmentForm form, BindingResult result,
                 @RequestParam(name = "_add", required = false) String add,
                 @RequestParam(name = "_remove", required = false) String remove,
                 Model model, RedirectAttributes redirect) {
        ReportViews.Report report = api.read(id).body();
        form.category = report.content().path("category").asString();
        model.addAttribute("report", report);
        if (changedRows(form, add, remove) || result.hasErrors()) {
            return AMEND;
        }
        ReportBody.dropBlankRows(form, json);
        try {
            api.amend(id, form.version, ReportBody.amendment(form, form.reason, json));
        } catch (ApiProblemException refused) {
            if (!ProblemFields.apply(refused.problem(), result)) {
                throw refused;
            }
            return AMEND;
        }
        redirect.addAttribute("id", id);
        redirect.addFlashAttribute("notice", "report.amended");
        return "redirect:/reports/{id}";
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable String id, @ModelAttribute("withdrawal") WithdrawalForm form, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                api.withdraw(id, form.version, form.reason == null ? "" : form.reason);
                redirect.addAttribute("id", id);
                redirect.addFlashAttribute("notice", "report.withdrawn");
                return "redirect:/reports/{id}";
            } catch (ApiProblemException refused) {
                if (!ProblemFields.apply(refused.problem(), result)) {
                    throw refused;
                }
            }
        }
        return show(id, model);
    }

    private static boolean changedRows(ReportForm form, String add, String remove) {
        if (add != null) {
            form.addRow(add);
            return true;
        }
        if (remove != null) {
            form.removeRow(remove);
            return true;
        }
        return false;
    }

    private <T extends ReportForm> T contentOf(JsonNode content, Class<T> type) {
        return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(content);
    }
}
