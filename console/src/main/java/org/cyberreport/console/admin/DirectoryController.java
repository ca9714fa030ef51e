package org.cyberreport.console.admin;

import java.util.Comparator;
import java.util.List;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.web.Formats;
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

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The liaison directory for an administrator: every member country, searched by code, name or office;
 * one country's entry, and changing how its requests reach it. The API checks the endpoint (https, a
 * public address) and says which field is wrong; the page shows it beside that field.
 */
@Controller
@RequestMapping("/admin/directory")
class DirectoryController {

    private static final String ENTRY = "admin/entry";

    private final AdminApi api;
    private final Formats formats;

    DirectoryController(AdminApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @InitBinder("directoryForm")
    void form(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping
    String list(@RequestParam(name = "q", required = false) @Size(max = 100) String words, Model model) {
        List<AdminViews.DirectoryEntry> found = api.directory().stream()
                .filter(entry -> entry.matches(words, formats.country(entry.country())))
                .sorted(Comparator.comparing(AdminViews.DirectoryEntry::country))
                .toList();
        model.addAttribute("entries", found);
        model.addAttribute("words", words == null ? "" : words.strip());
        return "admin/directory";
    }

    @GetMapping("/{country}")
    String show(@PathVariable @Pattern(regexp = "[A-Z]{2}") String country, Model model) {
        AdminViews.DirectoryEntry entry = api.entry(country);
        model.addAttribute("entry", entry);
        if (!model.containsAttribute("directoryForm")) {
            model.addAttribute("directoryForm", DirectoryForm.of(entry));
        }
        return ENTRY;
    }

    @PostMapping("/{country}")
    String update(@PathVariable @Pattern(regexp = "[A-Z]{2}") String country,
                  @ModelAttribute("directoryForm") DirectoryForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                api.update(country, form);
                redirect.addAttribute("country", country);
                redirect.addFlashAttribute("notice", "directory.saved");
                return "redirect:/admin/directory/{country}";
            } catch (ApiProblemException refused) {
                if (!ProblemFields.apply(refused.problem(), result)) {
                    throw refused;
                }
            }
        }
        return show(country, model);
    }
}
