package org.cyberreport.intake.report.retention;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a report is kept, by what became of it: after its withdrawal, or after its case was closed,
 * by the case's outcome (the longest where the outcome is missing from the table). A report whose case
 * is open is kept. Erased reports leave an erasure record; audit records are kept by their own rule.
 *
 * @param withdrawn       after the unit withdrew the report
 * @param closed          after the case was closed, per outcome (triage's outcome names)
 * @param closedOtherwise after the case was closed with an outcome the table does not name
 * @param sweep           how often expired reports are looked for
 */
@ConfigurationProperties("cyberreport.retention")
public record RetentionProperties(@DefaultValue("P1Y") Period withdrawn, Map<String, Period> closed,
                                  @DefaultValue("P10Y") Period closedOtherwise, @DefaultValue("PT1H") Duration sweep) {

    public RetentionProperties {
        closed = closed == null ? Map.of() : Map.copyOf(closed);
    }

    Period afterClosure(String outcome) {
        return outcome == null ? closedOtherwise : closed.getOrDefault(outcome, closedOtherwise);
    }
}
