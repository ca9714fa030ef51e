package org.cyberreport.kit.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A moment that fits its field's meaning: no more than {@code past} days ago and no more than
 * {@code future} days ahead of the validator's clock (e.g. a payment's value date: within a year).
 * Narrows the platform-wide {@link TimeWindow}.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Constraint(validatedBy = WithinDaysOfNow.Validator.class)
public @interface WithinDaysOfNow {

    int past();

    int future();

    String message() default "must be within {past} days before and {future} days after now";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<WithinDaysOfNow, Instant> {
        private Duration past;
        private Duration future;

        @Override
        public void initialize(WithinDaysOfNow annotation) {
            past = Duration.ofDays(annotation.past());
            future = Duration.ofDays(annotation.future());
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Instant now = context.getClockProvider().getClock().instant();
            return !value.isBefore(now.minus(past)) && !value.isAfter(now.plus(future));
        }
    }
}
