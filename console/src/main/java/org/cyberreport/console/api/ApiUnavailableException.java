package org.cyberreport.console.api;

/**
 * The API could not answer for everyone: it timed out, refused connections, answered 502/503/504, or
 * the console's circuit breaker is open after such failures. Only these count against the breaker.
 */
public class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ApiUnavailableException(String message) {
        super(message);
    }
}
