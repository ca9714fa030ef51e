package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.COUNTRY;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where a scam compound is: its country (required: a request about it goes to that country), the town
 * or area, a description (a building's name, a special economic zone, what the person said), and
 * coordinates when known (both or neither).
 */
public record CompoundLocation(
        @NotNull @Checked(COUNTRY) String country,
        @Size(max = 200) String locality,
        @Size(max = 1000) String description,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
