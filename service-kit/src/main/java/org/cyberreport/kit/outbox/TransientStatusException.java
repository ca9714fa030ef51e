package org.cyberreport.kit.outbox;

/** A destination answered with a status worth retrying soon: 429, 502, 503 or 504. */
public class TransientStatusException extends RuntimeException {
    public TransientStatusException(int status) {
        super("destination answered " + status);
    }

    public static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
