package org.cyberreport.console.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.cyberreport.console.security.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

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

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString();
        return LocalPath.orHome(request.getRequestURI() + (query == null ? "" : "?" + query));
    }
}
