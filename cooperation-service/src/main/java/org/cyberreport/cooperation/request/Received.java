package org.cyberreport.cooperation.request;

import java.time.Instant;

/**
 * Where a request received from a partner country's platform came from.
 *
 * @param partnerRequestId the request's id on the requesting platform (its callbacks name it)
 * @param callbackUrl      where that platform takes the signed acknowledgement, answer or refusal
 */
public record Received(String partnerRequestId, String callbackUrl, Instant receivedAt) {
}
