package org.cyberreport.console.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch: a small form on every page, so it works without script and by keyboard. */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/language")
    String choose(@RequestParam String lang, @RequestParam(name = "back", defaultValue = "/") String back,
                  HttpServletRequest request, HttpServletResponse response) {
        Locale chosen = Languages.supported(lang);
        if (chosen != null) {
            locales.setLocale(request, response, chosen);
        }
        return "redirect:" + LocalPath.orHome(back);
    }
}
