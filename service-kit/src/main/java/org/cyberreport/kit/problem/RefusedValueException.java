package org.cyberreport.kit.problem;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed but refused by the platform's input rules (text hygiene, time
 * window). Jackson adds the field's path; the problem names the field and the rule, never the value.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String rule;

    public RefusedValueException(JsonParser parser, String rule, Class<?> type) {
        super(parser, rule, type);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
