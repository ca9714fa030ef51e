package org.cyberreport.kit.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error of every endpoint as an RFC 9457 problem with a stable type; validation errors list
 * each failing field. Messages never echo large parts of the input back.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Comparator<FieldViolation> BY_FIELD =
            Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException failure, NativeWebRequest request) {
        return respond(ProblemResponses.problem(failure.kind(), failure.getMessage(), path(request),
                failure.violations()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException failure, NativeWebRequest request) {
        String expected = failure.getRequiredType() == null ? "another type" : failure.getRequiredType().getSimpleName();
        List<FieldViolation> violations = List.of(new FieldViolation(failure.getName(), "must be a valid " + expected));
        return respond(ProblemResponses.problem(ProblemKind.VALIDATION_FAILED,
                "Parameter '" + failure.getName() + "' has an invalid value", path(request), violations));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException failure, NativeWebRequest request) {
        List<FieldViolation> violations = failure.getConstraintViolations().stream()
                .map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(BY_FIELD).toList();
        return respond(ProblemResponses.problem(ProblemKind.VALIDATION_FAILED,
                violations.size() + " field(s) failed validation", path(request), violations));
    }

    /** The security firewall refused a part of the request (e.g. a header value that is not text). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> handleRejected(RequestRejectedException failure, NativeWebRequest request) {
        return respond(ProblemResponses.problem(ProblemKind.MALFORMED_REQUEST,
                "The request has a header, path or parameter that is not acceptable text", path(request)));
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> handleDatabaseDown(DataAccessResourceFailureException failure, NativeWebRequest request) {
        log.error("Database unavailable", failure);
        return respond(ProblemResponses.problem(ProblemKind.SERVICE_UNAVAILABLE,
                "The service's database is unavailable; nothing was stored. Try again later.", path(request)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception failure, NativeWebRequest request) {
        // Every input problem is answered with a 4xx before it gets here: a 500 is a defect of ours.
        log.error("Defect: an unexpected error answered 500", failure);
        return respond(ProblemResponses.problem(ProblemKind.INTERNAL_ERROR,
                "An unexpected error occurred; quote the correlation id when reporting it", path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        failure.getBindingResult().getFieldErrors().forEach(error -> violations.add(violation(error)));
        failure.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new FieldViolation(error.getObjectName(), message(error))));
        violations.sort(BY_FIELD);
        return respond(ProblemResponses.problem(ProblemKind.VALIDATION_FAILED,
                violations.size() + " field(s) failed validation", path(request), violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        failure.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> violations.add(
                    error instanceof FieldError fieldError ? violation(fieldError)
                            : new FieldViolation(name, message(error))));
        });
        violations.sort(BY_FIELD);
        return respond(ProblemResponses.problem(ProblemKind.VALIDATION_FAILED,
                violations.size() + " field(s) failed validation", path(request), violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyEncodingException encoding = causeOf(failure, BodyEncodingException.class);
        if (encoding != null) {
            return respond(ProblemResponses.problem(ProblemKind.MALFORMED_REQUEST, encoding.getMessage(), path(request)));
        }
        PayloadTooLargeException tooLarge = causeOf(failure, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return respond(ProblemResponses.problem(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), path(request)));
        }
        return respond(ProblemResponses.problem(ProblemKind.MALFORMED_REQUEST,
                JsonErrors.describe(failure), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemKind kind = failure instanceof MissingRequestHeaderException
                ? ProblemKind.MISSING_HEADER : ProblemKind.forStatus(status.value());
        String detail = body instanceof ProblemDetail problem && problem.getDetail() != null
                ? problem.getDetail() : kind.title();
        ProblemDetail problem = ProblemResponses.problem(kind, detail, path(request));
        return ResponseEntity.status(status).headers(headers)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static FieldViolation violation(FieldError error) {
        return new FieldViolation(error.getField(), message(error));
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
