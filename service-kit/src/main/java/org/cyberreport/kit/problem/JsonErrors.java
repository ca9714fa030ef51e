package org.cyberreport.kit.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A short, safe description of why a body could not be read: which field, and what kind of problem,
 * without echoing the offending input (which may be huge or hostile).
 */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof RefusedValueException refused) {
            return "Field " + path(refused) + " " + refused.rule();
        }
        if (cause instanceof StreamConstraintsException) {
            return "The body exceeds the parser's limits (number of values, nesting, string or number length)";
        }
        if (cause instanceof StreamReadException read && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate")) {
            return "The body has a duplicate key; each key may appear once per object";
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + clip(unknown.getPropertyName()) + "' at " + path(unknown)
                    + "; this field is not accepted";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field " + path(invalid) + " has a value of the wrong format";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "Field " + path(mismatched) + " has a value of the wrong type or shape";
        }
        if (cause instanceof DatabindException databind) {
            return "Field " + path(databind) + " could not be read";
        }
        if (cause instanceof JacksonException) {
            return "The body is not well-formed JSON or exceeds the parser's limits";
        }
        return "The request body is missing or unreadable";
    }

    private static String path(DatabindException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(clip(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : "'" + path + "'";
    }

    private static String clip(String value) {
        return value == null ? "" : value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
