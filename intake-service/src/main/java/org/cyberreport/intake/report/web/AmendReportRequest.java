package org.cyberreport.intake.report.web;

import java.time.Instant;
import java.util.List;

import org.cyberreport.intake.report.CryptoDetails;
import org.cyberreport.intake.report.DataTheftDetails;
import org.cyberreport.intake.report.EvidenceItem;
import org.cyberreport.intake.report.ExtortionDetails;
import org.cyberreport.intake.report.FinancialTransaction;
import org.cyberreport.intake.report.HandlingMarks;
import org.cyberreport.intake.report.Money;
import org.cyberreport.intake.report.OnlineFraudDetails;
import org.cyberreport.intake.report.PossibleTraffickingVictim;
import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.intake.report.SubjectIdentifier;
import org.cyberreport.intake.report.Victim;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An amendment: the reason, and the parts of the report that change. A part that is absent stays as
 * it is; a part that is given replaces the stored one whole. The category cannot change. The amended
 * report must pass the same validation as a new one.
 */
@Schema(description = "Parts to replace; absent parts are unchanged. The result is validated like a new report.")
public record AmendReportRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 2) String jurisdictionCountry,
        Instant incidentStartedAt,
        Instant discoveredAt,
        // Bounds and null elements are refused here, before the amendment is applied: copying a list
        // with a null element would otherwise fail as a 500. The parts' contents are checked with the
        // amended report as a whole, so that every failing field is listed at once.
        @Size(min = 1, max = 50) List<@NotNull Victim> victims,
        @Size(max = 100) List<@NotNull SubjectIdentifier> subjects,
        @Size(max = 200) List<@NotNull FinancialTransaction> transactions,
        Money totalLoss,
        @Size(max = 20_000) String narrative,
        @Size(max = 100) List<@NotNull EvidenceItem> evidence,
        HandlingMarks handling,
        OnlineFraudDetails onlineFraud,
        ExtortionDetails extortion,
        CryptoDetails crypto,
        DataTheftDetails dataTheft,
        @Size(max = 20) List<@NotNull PossibleTraffickingVictim> possibleTraffickingVictims) {

    ReportContent applyTo(ReportContent current) {
        return new ReportContent(current.category(),
                or(jurisdictionCountry, current.jurisdictionCountry()),
                or(incidentStartedAt, current.incidentStartedAt()),
                or(discoveredAt, current.discoveredAt()),
                or(victims, current.victims()),
                or(subjects, current.subjects()),
                or(transactions, current.transactions()),
                or(totalLoss, current.totalLoss()),
                or(narrative, current.narrative()),
                or(evidence, current.evidence()),
                or(handling, current.handling()),
                or(onlineFraud, current.onlineFraud()),
                or(extortion, current.extortion()),
                or(crypto, current.crypto()),
                or(dataTheft, current.dataTheft()),
                or(possibleTraffickingVictims, current.possibleTraffickingVictims()));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
