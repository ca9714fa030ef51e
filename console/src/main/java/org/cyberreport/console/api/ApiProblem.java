package org.cyberreport.console.api;

import java.util.List;

/**
 * An RFC 9457 problem as the API answers it: a stable {@code type}, and for a validation problem every
 * failing field by its path in the request body (e.g. {@code victims[0].phone}).
 */
public record ApiProblem(int status, String type, String title, String detail, List<FieldProblem> errors,
                         Integer moreErrors, String retryAfter) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record FieldProblem(String field, String message) {
    }

    static ApiProblem withoutBody(int status, String retryAfter) {
        return new ApiProblem(status, null, null, null, List.of(), null, retryAfter);
    }

    ApiProblem withRetryAfter(String value) {
        return new ApiProblem(status, type, title, detail, errors, moreErrors, value);
    }
}
