package org.cyberreport.intake.report;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import org.cyberreport.intake.report.validation.Violation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The rules of a report that span several fields; see {@link ReportRules}. */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = ConsistentReport.Validator.class)
public @interface ConsistentReport {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ConsistentReport, ReportContent> {
        @Override
        public boolean isValid(ReportContent content, ConstraintValidatorContext context) {
            if (content == null) {
                return true;
            }
            var violations = ReportRules.check(content, context.getClockProvider().getClock().instant());
            if (violations.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Violation violation : violations) {
                context.buildConstraintViolationWithTemplate(escape(violation.message()))
                        .addPropertyNode(violation.path())
                        .addConstraintViolation();
            }
            return false;
        }

        /** Messages are templates: braces and dollars in them must not be interpolated. */
        private static String escape(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }
    }
}
