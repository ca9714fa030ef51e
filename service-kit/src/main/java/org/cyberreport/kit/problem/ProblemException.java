package org.cyberreport.kit.problem;

import java.util.List;

/**
 * An error that the caller can act on, answered as a problem of the given kind. Thrown by services
 * for domain refusals (not found, illegal transition, idempotency key reuse, invalid content).
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<FieldViolation> violations;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<FieldViolation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemKind.NOT_FOUND, detail);
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(ProblemKind.VALIDATION_FAILED,
                violations.size() + " field(s) failed validation", violations);
    }

    public ProblemKind kind() {
        return kind;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
