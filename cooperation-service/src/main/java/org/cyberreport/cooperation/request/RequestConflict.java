package org.cyberreport.cooperation.request;

/** A change the request's state does not allow. */
public class RequestConflict extends RuntimeException {
    public RequestConflict(String message) {
        super(message);
    }
}
