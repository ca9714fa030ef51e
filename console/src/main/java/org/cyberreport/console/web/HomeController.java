package org.cyberreport.console.web;

import org.cyberreport.console.security.ConsoleUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page sends each kind of user to the page of their work. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        ConsoleUser user = ConsoleUser.of(authentication);
        if (user != null && user.isReporter()) {
            return "redirect:/reports";
        }
        if (user != null && user.isTriageOfficer()) {
            return "redirect:/triage/queue";
        }
        if (user != null && user.isTriageSupervisor()) {
            return "redirect:/supervision";
        }
        if (user != null && user.isLiaison()) {
            return "redirect:/inbox";
        }
        if (user != null && user.isAdmin()) {
            return "redirect:/admin/deliveries";
        }
        return "home";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    /** Also reached by a forward from a refused POST (a missing CSRF token), so it answers every method. */
    @RequestMapping("/forbidden")
    String forbidden(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        return "problem";
    }
}
