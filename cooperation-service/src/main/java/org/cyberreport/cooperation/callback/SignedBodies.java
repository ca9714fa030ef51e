package org.cyberreport.cooperation.callback;

import java.util.List;

import org.cyberreport.kit.problem.FieldViolation;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a partner's signed message, read only after its signature was checked (the signature covers
 * the bytes, so they are read as bytes first): parsed and validated like any request body.
 */
@Component
public class SignedBodies {

    private final JsonMapper json;
    private final Validator validator;

    SignedBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The body as {@code type}; 400 when it cannot be read or a field breaks its constraints. */
    public <T> T read(byte[] body, Class<T> type, String what) {
        T read;
        try {
            read = json.readValue(body, type);
        } catch (JacksonException unreadable) {
            throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "The " + what + " could not be read");
        }
        if (read == null) {
            throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "The " + what + " is empty");
        }
        List<FieldViolation> violations = validator.validate(read).stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString().replaceAll("\\.<list element>", ""), v.getMessage()))
                .toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return read;
    }
}
