package org.cyberreport.kit.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One accountability record (Directive 2016/680, Art. 25): who did what to which record, when (UTC),
 * and why. Written once; the chain then seals it ({@link AuditChain}) and nothing changes it again.
 *
 * @param action       what was done, e.g. {@code REPORT_CONSULTED}
 * @param resourceType e.g. {@code report}
 * @param details      short facts about the action (changed fields, reason, filter used)
 * @param sealed       whether the chain has sealed it yet
 * @param link         its place in the service's chain, from 1; null until sealed
 * @param previousHash the hash of the record before it in the chain (empty for the first)
 * @param hash         SHA-256 over the previous hash and this record's content and place
 */
public record AuditRecord(String id, Instant at, String action, String resourceType, String resourceId,
                          String actorSubject, String actorUsername, String actorCountry, String actorUnit,
                          String correlationId, Map<String, String> details, boolean sealed, Long link,
                          String previousHash, String hash) {
}
