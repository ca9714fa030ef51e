package org.cyberreport.kit.web;

import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers the servlet container's error dispatches (what no MVC handler answered: a request refused
 * by the container itself, an exception thrown by a filter) with a problem instead of Boot's JSON or
 * HTML error page. A 5xx here is a defect of ours and is logged as such.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer value ? value : 404;
        if (causeIs(failure, RequestRejectedException.class)) {
            status = 400;
        } else if (causeIs(failure, AuthenticationServiceException.class)) {
            // The token could not be checked (the key set is unreachable): our dependency is down,
            // not a defect and not the caller's fault.
            log.warn("Token check unavailable: {}", failure.getMessage());
            return answer(ProblemKind.SERVICE_UNAVAILABLE, 503,
                    "The caller's token cannot be checked right now; try again later");
        }
        if (status >= 500) {
            log.error("Defect: a request ended in the container with status {}", status, failure);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        return answer(kind, status, kind.title());
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemKind kind, int status, String detail) {
        ProblemDetail problem = ProblemResponses.problem(kind, detail, null);
        problem.setStatus(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean causeIs(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
