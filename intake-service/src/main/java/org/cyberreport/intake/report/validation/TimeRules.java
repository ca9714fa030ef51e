package org.cyberreport.intake.report.validation;

import java.time.Duration;
import java.time.Instant;

/** What counts as a plausible timestamp in a report. */
public final class TimeRules {

    /** Tolerance for the clock of the device a report is filed from. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private TimeRules() {
    }

    public static boolean isPlausiblePast(Instant value, Instant now) {
        return !value.isAfter(now.plus(CLOCK_SKEW)) && !value.isBefore(EARLIEST);
    }
}
