package org.cyberreport.intake.report;

/**
 * The filing request that created a report: the caller's {@code Idempotency-Key} and a digest of the
 * request, so that a repeated request gets the same answer and a different one under the same key is
 * refused. Keys are scoped to the caller.
 */
public record Idempotency(String subject, String key, String requestDigest) {
}
