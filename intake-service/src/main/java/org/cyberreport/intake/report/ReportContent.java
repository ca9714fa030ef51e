package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.COUNTRY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.PlausiblePast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a police unit states in a report: the common envelope of every category and exactly one
 * section of category details. Who filed it, when it was received and its reference are not part of
 * it: the platform sets those.
 */
@ConsistentReport
public record ReportContent(
        @NotNull ReportCategory category,
        @NotNull @Checked(COUNTRY) String jurisdictionCountry,
        @NotNull @PlausiblePast Instant incidentStartedAt,
        @NotNull @PlausiblePast Instant discoveredAt,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Victim> victims,
        @Size(max = 100) List<@NotNull @Valid SubjectIdentifier> subjects,
        @Size(max = 200) List<@NotNull @Valid FinancialTransaction> transactions,
        @Valid Money totalLoss,
        @NotBlank @Size(max = 20_000) String narrative,
        @Size(max = 100) List<@NotNull @Valid EvidenceItem> evidence,
        @NotNull @Valid HandlingMarks handling,
        @Valid OnlineFraudDetails onlineFraud,
        @Valid ExtortionDetails extortion,
        @Valid CryptoDetails crypto,
        @Valid DataTheftDetails dataTheft,
        @Size(max = 20) List<@NotNull @Valid PossibleTraffickingVictim> possibleTraffickingVictims) {

    public ReportContent {
        victims = victims == null ? null : List.copyOf(victims);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        possibleTraffickingVictims = possibleTraffickingVictims == null ? List.of() : List.copyOf(possibleTraffickingVictims);
    }

    /** A report that names no possible trafficking victim. */
    public ReportContent(ReportCategory category, String jurisdictionCountry, Instant incidentStartedAt,
                         Instant discoveredAt, List<Victim> victims, List<SubjectIdentifier> subjects,
                         List<FinancialTransaction> transactions, Money totalLoss, String narrative,
                         List<EvidenceItem> evidence, HandlingMarks handling, OnlineFraudDetails onlineFraud,
                         ExtortionDetails extortion, CryptoDetails crypto, DataTheftDetails dataTheft) {
        this(category, jurisdictionCountry, incidentStartedAt, discoveredAt, victims, subjects, transactions, totalLoss,
                narrative, evidence, handling, onlineFraud, extortion, crypto, dataTheft, List.of());
    }

    /** The subtype named in the category's section, or {@code null} when the section is missing. */
    public String subtype() {
        if (category == null) {
            return null;
        }
        Enum<?> subtype = switch (category) {
            case ONLINE_FRAUD -> onlineFraud == null ? null : onlineFraud.subtype();
            case EXTORTION -> extortion == null ? null : extortion.subtype();
            case CRYPTO -> crypto == null ? null : crypto.subtype();
            case DATA_THEFT -> dataTheft == null ? null : dataTheft.subtype();
        };
        return subtype == null ? null : subtype.name();
    }

    /** The names of the parts that differ between this content and another. */
    public List<String> changedParts(ReportContent other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "jurisdictionCountry", jurisdictionCountry, other.jurisdictionCountry);
        compare(changed, "incidentStartedAt", incidentStartedAt, other.incidentStartedAt);
        compare(changed, "discoveredAt", discoveredAt, other.discoveredAt);
        compare(changed, "victims", victims, other.victims);
        compare(changed, "subjects", subjects, other.subjects);
        compare(changed, "transactions", transactions, other.transactions);
        compare(changed, "totalLoss", totalLoss, other.totalLoss);
        compare(changed, "narrative", narrative, other.narrative);
        compare(changed, "evidence", evidence, other.evidence);
        compare(changed, "handling", handling, other.handling);
        compare(changed, "onlineFraud", onlineFraud, other.onlineFraud);
        compare(changed, "extortion", extortion, other.extortion);
        compare(changed, "crypto", crypto, other.crypto);
        compare(changed, "dataTheft", dataTheft, other.dataTheft);
        compare(changed, "possibleTraffickingVictims", possibleTraffickingVictims, other.possibleTraffickingVictims);
        return changed;
    }

    private static void compare(List<String> changed, String part, Object mine, Object theirs) {
        if (!Objects.equals(mine, theirs)) {
            changed.add(part);
        }
    }
}
