package org.cyberreport.gateway.fallback;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a circuit breaker records as a failure: only what says that the service is failing for everyone,
 * whoever calls. That is a timeout, a connection that could not be made or broke (an I/O error), and a
 * 502, 503 or 504 answer. A 4xx is the caller's own problem, and a 500 or 501 is the answer to one
 * request (a defect the service hit with that input, or an operation it does not implement): the
 * service answered, so it is up. Counting those would let any caller open the breaker for every user
 * with a burst of requests of their own making. Anything else thrown on the way (for example while
 * building the request from the caller's input) is not the service's failure either.
 */
final class ServiceFailure implements Predicate<Throwable> {

    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    @Override
    public boolean test(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof IOException) {
                return true;
            }
            // The gateway's circuit-breaker filter turns a configured status into an HttpStatusCodeException,
            // its response timeout into a ResponseStatusException(504).
            if (cause instanceof HttpStatusCodeException status && UNAVAILABLE.contains(status.getStatusCode().value())) {
                return true;
            }
            if (cause instanceof ResponseStatusException status && UNAVAILABLE.contains(status.getStatusCode().value())) {
                return true;
            }
        }
        return false;
    }
}
