package org.cyberreport.kit.outbox;

/**
 * Nothing was sent: something on our side held the delivery back (our own identity provider could
 * not issue a token, say). Like an open breaker, it is not an attempt and never parks a hand-off.
 */
public class HeldBackException extends RuntimeException {
    public HeldBackException(String message, Throwable cause) {
        super(message, cause);
    }
}
