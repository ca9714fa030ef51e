package org.cyberreport.console.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.cyberreport.console.security.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What the layout of every page needs: the user, the language and its direction, the page's own path. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return ConsoleUser.of(authentication);
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("dir")
    String dir(Locale locale) {
        return Languages.isRightToLeft(locale) ? "rtl" : "ltr";
    }

    /** The same attributes, for a model that the advice does not fill (an exception handler's). */
    static void addTo(Model model, HttpServletRequest request) {
        PageModel page = new PageModel();
        Locale locale = RequestContextUtils.getLocale(request);
        model.addAttribute("user", page.user(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("lang", page.lang(locale));
        model.addAttribute("dir", page.dir(locale));
        model.addAttribute("here", page.here(request));
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return LocalPath.orHome(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
