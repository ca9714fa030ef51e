package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.COUNTRY;

import java.util.List;
import java.util.Set;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person the report names who may be a victim of trafficking forced to work in a scam compound
 * rather than an offender: the indicators that suggest it (UNODC's and the ILO's indicators of
 * trafficking for forced criminality), the person's own identifiers (which triage keeps out of the
 * suspects' lines of enquiry) and the compound's location, when known. Personal data: consulted only
 * within scope, like a victim's.
 */
public record PossibleTraffickingVictim(
        @Size(max = 200) String name,
        @Checked(COUNTRY) String nationality,
        @NotNull @Size(min = 1, max = 8) Set<@NotNull Indicator> indicators,
        @Size(max = 20) List<@NotNull @Valid SubjectIdentifier> identifiers,
        @Valid CompoundLocation compound) {

    public PossibleTraffickingVictim {
        indicators = indicators == null ? null : SortedSets.of(indicators);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** Why the person may be a victim of trafficking rather than an offender. */
    public enum Indicator {
        /** recruited through a fake job offer (customer service, IT, marketing abroad) */
        FAKE_JOB_OFFER,
        /** passport or identity papers taken away */
        PASSPORT_CONFISCATED,
        /** made to run scams under quotas, threats or punishment */
        FORCED_WORK,
        /** not free to leave the compound */
        MOVEMENT_RESTRICTED,
        /** held by a debt for travel, "training" or "fines" */
        DEBT_BONDAGE,
        /** beaten, threatened, or relatives threatened */
        VIOLENCE_OR_THREATS,
        /** an indicator the narrative explains */
        OTHER
    }
}
