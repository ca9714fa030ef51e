package org.cyberreport.kit.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The stable kinds of error the platform answers with. The {@code type} URI of each kind never
 * changes, so clients can branch on it; the title is its short human form.
 */
public enum ProblemKind {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request could not be read"),
    MISSING_HEADER(HttpStatus.BAD_REQUEST, "missing-header", "A required header is missing or invalid"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "The caller's role does not allow this operation"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    STATE_CONFLICT(HttpStatus.CONFLICT, "state-conflict", "The resource's state does not allow this"),
    VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "The resource was changed by someone else"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
            "The resource is not at the version named in If-Match"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
            "The idempotency key was already used with a different request"),
    UNPROCESSABLE(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "The request cannot be processed"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "A service is unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

    public static final String TYPE_PREFIX = "urn:cyberreport:problem:";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemKind(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(TYPE_PREFIX + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status.value() == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
