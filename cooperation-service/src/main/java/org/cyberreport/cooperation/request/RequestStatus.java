package org.cyberreport.cooperation.request;

/** DRAFT → SENT → ACKNOWLEDGED → ANSWERED / REFUSED / EXPIRED, or WITHDRAWN. */
public enum RequestStatus {
    DRAFT, SENT, ACKNOWLEDGED, ANSWERED, REFUSED, EXPIRED, WITHDRAWN;

    public boolean isFinal() {
        return this == ANSWERED || this == REFUSED || this == EXPIRED || this == WITHDRAWN;
    }
}
