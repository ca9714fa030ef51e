package org.cyberreport.console.admin;

import java.util.List;
import java.util.Locale;

import org.cyberreport.console.api.ApiProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The platform's three relays for an administrator: reports handed from intake to triage, escalations
 * from triage to cooperation, requests delivered abroad. Parked ones by default (given up after too
 * many failed attempts), each with a button that puts it back in line.
 */
@Controller
@RequestMapping("/admin/deliveries")
class DeliveriesController {

    static final List<String> STATES = List.of("PARKED", "PENDING", "DELIVERED", "CANCELLED");

    private final AdminApi api;

    DeliveriesController(AdminApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "PARKED") @Pattern(regexp = "PARKED|PENDING|DELIVERED|CANCELLED") String state,
                Model model) {
        model.addAttribute("state", state);
        model.addAttribute("states", STATES);
        model.addAttribute("limit", AdminApi.LIMIT);
        model.addAttribute("reports", api.reportHandoffs(state));
        model.addAttribute("escalations", api.escalationHandoffs(state));
        model.addAttribute("deliveries", api.deliveries(state));
        return "admin/deliveries";
    }

    @PostMapping("/{relay}/{id}/redrive")
    String redrive(@PathVariable @Pattern(regexp = "reports|escalations|deliveries") String relay,
                   @PathVariable @Size(max = 64) String id, RedirectAttributes redirect) {
        AdminApi.Relay which = AdminApi.Relay.valueOf(relay.toUpperCase(Locale.ROOT));
        try {
            api.redrive(which, id);
            redirect.addFlashAttribute("notice", "deliveries.redriven." + relay);
        } catch (ApiProblemException refused) {
            if (refused.status() != 404) {
                throw refused;
            }
            // Another administrator, or the same one in another tab, was first: the list shows where it stands now.
            redirect.addFlashAttribute("notice", "deliveries.not-parked");
        }
        return "redirect:/admin/deliveries";
    }
}
