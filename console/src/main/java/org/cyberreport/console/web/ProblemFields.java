package org.cyberreport.console.web;

import org.cyberreport.console.api.ApiProblem;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Puts the failing fields of an API problem beside the inputs of the same path. The forms mirror the
 * API's bodies, so most paths exist as they are; one that does not (a rule about the whole body, say)
 * is shown above the form with the path it named. Known messages are shown in the user's language
 * ({@link ApiMessages}).
 */
public final class ProblemFields {

    private ProblemFields() {
    }

    /** {@code true} when the problem named fields (a validation problem), which are now on the form. */
    public static boolean apply(ApiProblem problem, BindingResult form) {
        if (problem.errors().isEmpty()) {
            if (problem.status() == 400 || problem.status() == 422) {
                form.reject("api.refused", new Object[] {problem.detail() == null ? "" : problem.detail()},
                        problem.detail() == null ? "" : problem.detail());
                return true;
            }
            return false;
        }
        for (ApiProblem.FieldProblem error : problem.errors()) {
            String path = error.field() == null ? "" : error.field();
            DefaultMessageSourceResolvable text = ApiMessages.of(error.message());
            if (!path.isEmpty() && isField(form, path)) {
                form.rejectValue(path, text.getCode(), text.getArguments(), text.getDefaultMessage());
            } else {
                form.reject("api.field-of", new Object[] {path, text}, path + ": " + text.getDefaultMessage());
            }
        }
        if (problem.moreErrors() != null && problem.moreErrors() > 0) {
            form.reject("api.more-errors", new Object[] {problem.moreErrors()}, "");
        }
        return true;
    }

    private static boolean isField(BindingResult form, String path) {
        if (form instanceof AbstractPropertyBindingResult properties) {
            try {
                return properties.getPropertyAccessor().isReadableProperty(path);
            } catch (RuntimeException notAPath) {
                return false;
            }
        }
        return false;
    }
}
