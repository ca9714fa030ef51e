package org.cyberreport.triage.exchange;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.report.ReportFacts;

/**
 * A case's handling marks as they bear on sharing its indicators outside the platform: its TLP, and
 * its law-enforcement handling codes (H0 stated purpose only, H1 not for court without permission, H2
 * not to be passed on, H3 other conditions). TLP:RED and H2 let nothing out without the originator's
 * permission, recorded on the case; the others travel as markings with the data.
 */
public record Handling(Tlp tlp, Set<String> codes) {

    public static Handling of(ReportFacts facts) {
        ReportFacts.Handling handling = facts.handling();
        Set<String> codes = new TreeSet<>();
        if (handling != null && handling.codes() != null) {
            handling.codes().forEach(code -> codes.add(code.toUpperCase(Locale.ROOT)));
        }
        return new Handling(Tlp.ofHandling(handling == null ? null : handling.tlp()), Set.copyOf(codes));
    }

    /** The marks as a permission records them: {@code RED}, {@code GREEN H2}. */
    public String label() {
        return codes.isEmpty() ? tlp.name() : tlp.name() + " " + String.join(" ", codes);
    }

    /** Whether nothing may leave without the originator's permission. */
    public boolean needsPermission() {
        return tlp == Tlp.RED || codes.contains("H2");
    }

    /** Why, in words an officer reads. */
    public String whyPermissionNeeded() {
        return tlp == Tlp.RED ? "it is marked TLP:RED (for the named recipients only)"
                : "its handling code H2 forbids passing it on";
    }

    /** The statement that goes with a handling code that travels (H2 only with permission). */
    public static String statement(String code) {
        return switch (code) {
            case "H0" -> "H0: to be used for the stated purpose only";
            case "H1" -> "H1: not to be used as evidence in court without the originator's permission";
            case "H2" -> "H2: not to be passed on without the originator's permission";
            default -> "H3: further conditions of the originator apply; ask before use";
        };
    }
}
