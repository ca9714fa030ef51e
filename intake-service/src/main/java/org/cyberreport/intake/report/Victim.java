package org.cyberreport.intake.report;

import static org.cyberreport.intake.report.validation.Rule.COUNTRY;
import static org.cyberreport.intake.report.validation.Rule.E164_PHONE;
import static org.cyberreport.intake.report.validation.Rule.EMAIL;

import java.util.Set;

import org.cyberreport.intake.report.validation.Checked;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person or organisation harmed by the offence. Personal data: consulted only within scope. */
public record Victim(
        @NotNull Kind kind,
        @NotBlank @Size(max = 200) String name,
        @Min(0) @Max(130) Integer age,
        boolean minor,
        @Size(max = 6) Set<@NotNull Vulnerability> vulnerabilities,
        @Checked(COUNTRY) String residenceCountry,
        @Size(max = 254) @Checked(EMAIL) String email,
        @Size(max = 16) @Checked(E164_PHONE) String phone) {

    public Victim {
        vulnerabilities = vulnerabilities == null ? Set.of() : SortedSets.of(vulnerabilities);
    }

    public enum Kind { PERSON, ORGANISATION }

    public enum Vulnerability { ELDERLY, DISABILITY, REPEAT_VICTIM, SELF_HARM_RISK, LANGUAGE_BARRIER, OTHER }
}
