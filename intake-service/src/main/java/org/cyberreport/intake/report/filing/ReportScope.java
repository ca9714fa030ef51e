package org.cyberreport.intake.report.filing;

import org.cyberreport.intake.report.Report;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;

/**
 * Which reports a caller may see: a reporter those of its own unit, a triage officer those of its
 * own country. Anything else is answered as if it did not exist.
 */
final class ReportScope {

    private ReportScope() {
    }

    static boolean canSee(Caller caller, Report report) {
        return caller.hasRole(Caller.REPORTER) && caller.hasCountry() && caller.hasUnit()
                && report.isWithinUnit(caller.country(), caller.unit())
                || caller.hasRole(Caller.TRIAGE_OFFICER) && caller.hasCountry() && report.isWithinCountry(caller.country());
    }

    /** The unit a listing is limited to, or {@code null} for a triage officer's whole country. */
    static String listingUnit(Caller caller) {
        requireCountry(caller);
        if (caller.hasRole(Caller.TRIAGE_OFFICER)) {
            return null;
        }
        requireUnit(caller);
        return caller.unit();
    }

    static void requireFilingUnit(Caller caller) {
        requireCountry(caller);
        requireUnit(caller);
    }

    private static void requireCountry(Caller caller) {
        if (!caller.hasCountry()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no country");
        }
    }

    private static void requireUnit(Caller caller) {
        if (!caller.hasUnit()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "The caller's token carries no unit");
        }
    }
}
