package org.cyberreport.kit.problem;

/** One failing field of a request: its path (e.g. {@code victims[0].phone}) and what is wrong. */
public record FieldViolation(String field, String message) {
}
