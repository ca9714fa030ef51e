package org.cyberreport.kit.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One accountability record (Directive 2016/680, Art. 25): who did what to which record, when (UTC),
 * and why. Written once, never changed.
 *
 * @param action       what was done, e.g. {@code REPORT_CONSULTED}
 * @param resourceType e.g. {@code report}
 * @param details      short facts about the action (changed fields, reason, filter used)
 */
public record AuditRecord(String id, Instant at, String action, String resourceType, String resourceId,
                          String actorSubject, String actorUsername, String actorCountry, String actorUnit,
                          String correlationId, Map<String, String> details) {
}
