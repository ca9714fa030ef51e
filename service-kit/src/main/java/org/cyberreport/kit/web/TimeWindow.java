package org.cyberreport.kit.web;

import java.time.Instant;
import java.util.List;

import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;

/**
 * The moments any request may name: from 1970 to the end of 2099. Nothing the platform handles
 * happened earlier or is planned later, and MongoDB stores dates as milliseconds, which a year such as
 * +1,000,000,000 overflows. Fields narrow this by their meaning (e.g. a value date within a year).
 */
public final class TimeWindow {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");
    public static final String MESSAGE = "must be between 1970-01-01 and 2099-12-31";

    private TimeWindow() {
    }

    public static boolean contains(Instant moment) {
        return !moment.isBefore(EARLIEST) && moment.isBefore(END);
    }

    /** For query parameters: the value, or a 400 naming the parameter. */
    public static Instant requireWithin(String parameter, Instant value) {
        if (value != null && !contains(value)) {
            throw ProblemException.invalid(List.of(new FieldViolation(parameter, MESSAGE)));
        }
        return value;
    }
}
