package org.cyberreport.intake.report.validation;

/** A rule that a report breaks: where (a property path such as {@code transactions[0].to}) and why. */
public record Violation(String path, String message) {
}
