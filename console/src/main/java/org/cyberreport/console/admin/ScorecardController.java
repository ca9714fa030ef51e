package org.cyberreport.console.admin;

import java.util.List;
import java.util.Locale;

import org.cyberreport.console.web.Languages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How each destination country answered the requests of the last twelve months: a table (the
 * accessible account of it all) and a chart of the median times, drawn on the server as SVG.
 */
@Controller
class ScorecardController {

    private final AdminApi api;

    ScorecardController(AdminApi api) {
        this.api = api;
    }

    @GetMapping("/admin/scorecard")
    String scorecard(Locale locale, Model model) {
        List<AdminViews.Scorecard> cards = api.scorecard();
        model.addAttribute("cards", cards);
        model.addAttribute("chart", ScorecardChart.of(cards, Languages.isRightToLeft(locale)));
        return "admin/scorecard";
    }
}
