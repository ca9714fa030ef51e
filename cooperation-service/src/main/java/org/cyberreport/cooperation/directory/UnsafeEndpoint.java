package org.cyberreport.cooperation.directory;

/** An endpoint that could make the platform call into a place it must not (server-side request forgery). */
public class UnsafeEndpoint extends RuntimeException {
    public UnsafeEndpoint(String reason) {
        super(reason);
    }
}
