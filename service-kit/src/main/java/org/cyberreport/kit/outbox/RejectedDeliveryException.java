package org.cyberreport.kit.outbox;

/** A destination refused a hand-off with a status that an immediate retry would not change. */
public class RejectedDeliveryException extends RuntimeException {
    public RejectedDeliveryException(int status, String body) {
        super("destination answered " + status + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > 300 ? body.substring(0, 300) : body)));
    }
}
