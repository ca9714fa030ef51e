package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.COUNTRY;
import static org.cyberreport.intake.report.validation.Rule.URL;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.cyberreport.intake.report.validation.Checked;
import org.cyberreport.intake.report.validation.PlausiblePast;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Data theft: whose data, of which kinds, how many records, and where it leaked. */
public record DataTheftDetails(
        @NotNull Subtype subtype,
        @NotNull @Valid Organisation affectedOrganisation,
        @NotEmpty @Size(max = 5) Set<@NotNull DataCategory> dataCategories,
        @PositiveOrZero @Max(100_000_000_000L) Long recordCount,
        @Size(max = 250) Set<@NotNull @Checked(COUNTRY) String> dataSubjectCountries,
        @Size(max = 50) List<@NotNull @Size(max = 2048) @Checked(URL) String> leakUrls,
        @PlausiblePast Instant regulatorNotifiedAt) {

    public DataTheftDetails {
        dataCategories = dataCategories == null ? Set.of() : SortedSets.of(dataCategories);
        dataSubjectCountries = dataSubjectCountries == null ? Set.of() : SortedSets.of(dataSubjectCountries);
        leakUrls = leakUrls == null ? List.of() : List.copyOf(leakUrls);
    }

    public enum Subtype { EXFILTRATION, CREDENTIAL_STUFFING, INSIDER, MISCONFIGURATION, ACCOUNT_TAKEOVER }

    public enum DataCategory { PERSONAL, FINANCIAL, HEALTH, CREDENTIALS, CHILDREN }

    public record Organisation(@NotBlank @Size(max = 200) String name, @Checked(COUNTRY) String country,
                               @Size(max = 100) String sector) {
    }
}
