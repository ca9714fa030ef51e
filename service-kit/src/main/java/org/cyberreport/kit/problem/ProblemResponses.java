package org.cyberreport.kit.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with the platform's stable types, and writes them where no MVC
 * handler runs (security entry points, servlet filters).
 */
public final class ProblemResponses {

    public static final String CORRELATION_ID_MDC = "correlationId";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(ProblemKind kind, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        String correlationId = MDC.get(CORRELATION_ID_MDC);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** At most this many violations are listed; the answer stays small whatever the body. */
    public static final int MAX_LISTED_VIOLATIONS = 100;

    public static ProblemDetail problem(ProblemKind kind, String detail, String instance,
                                        List<FieldViolation> violations) {
        ProblemDetail problem = problem(kind, detail, instance);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.subList(0, Math.min(violations.size(), MAX_LISTED_VIOLATIONS)));
        }
        if (violations.size() > MAX_LISTED_VIOLATIONS) {
            problem.setProperty("moreErrors", violations.size() - MAX_LISTED_VIOLATIONS);
        }
        return problem;
    }

    public void unauthenticated(HttpServletRequest request, HttpServletResponse response,
                                AuthenticationException failure) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, problem(ProblemKind.UNAUTHENTICATED,
                "The request needs a valid bearer token issued for this platform", request.getRequestURI()));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response,
                          AccessDeniedException failure) throws IOException {
        write(response, problem(ProblemKind.FORBIDDEN,
                "The caller's roles do not allow this operation", request.getRequestURI()));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
