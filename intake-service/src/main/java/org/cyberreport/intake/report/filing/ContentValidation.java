package org.cyberreport.intake.report.filing;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.springframework.stereotype.Component;

import jakarta.validation.Validator;

/** Checks a report's content against every field and cross-field rule, and lists all failures at once. */
@Component
class ContentValidation {

    /** Hibernate Validator names list and set elements {@code <list element>}; the index already says it. */
    private static final Pattern CONTAINER_NODE = Pattern.compile("\\.?<[a-z ]+ element>");

    private final Validator validator;

    ContentValidation(Validator validator) {
        this.validator = validator;
    }

    void requireValid(ReportContent content) {
        List<FieldViolation> violations = validator.validate(content).stream()
                .map(v -> new FieldViolation(CONTAINER_NODE.matcher(v.getPropertyPath().toString()).replaceAll(""),
                        v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .distinct()
                .toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
