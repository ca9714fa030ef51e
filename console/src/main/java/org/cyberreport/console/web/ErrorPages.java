package org.cyberreport.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.cyberreport.console.api.ApiProblemException;
import org.cyberreport.console.api.ApiUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problems the pages cannot show beside a field get a page of their own that says what happened and
 * what to do: not found (also for records outside the user's scope), a conflict, a changed version,
 * too many requests, the API unavailable. The page keeps the HTTP status.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ApiProblemException.class)
    String apiProblem(ApiProblemException refused, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = refused.status();
        if (status == 401) {
            // The session's token is no longer accepted: sign in again (Keycloak's own session may still hold).
            request.getSession().invalidate();
            return "redirect:/";
        }
        if (status >= 500) {
            log.warn("The API answered {} to {}: {}", status, request.getRequestURI(), refused.getMessage());
        }
        model.addAttribute("retryAfter", refused.problem().retryAfter());
        model.addAttribute("detail", refused.problem().detail());
        return page(known(status), request, response, model);
    }

    @ExceptionHandler(ApiUnavailableException.class)
    String unavailable(ApiUnavailableException unavailable, HttpServletRequest request, HttpServletResponse response,
                       Model model) {
        log.warn("API unavailable: {}", unavailable.getMessage());
        return page(503, request, response, model);
    }

    /** Input of the console's own pages that cannot be read: a 400 page, never a 500. */
    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class,
            HandlerMethodValidationException.class, BindException.class, InvalidPropertyException.class})
    String badInput(Exception badInput, HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(400, request, response, model);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    String noSuchPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(404, request, response, model);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    String wrongMethod(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(405, request, response, model);
    }

    private static int known(int status) {
        return switch (status) {
            case 400, 403, 404, 405, 409, 412, 422, 429, 503 -> status;
            default -> status >= 500 ? 502 : 400;
        };
    }

    /** An exception handler's model gets none of the {@link PageModel} attributes: the page's language among them. */
    private static String page(int status, HttpServletRequest request, HttpServletResponse response, Model model) {
        PageModel.addTo(model, request);
        response.setStatus(status);
        model.addAttribute("status", status);
        return "problem";
    }
}
