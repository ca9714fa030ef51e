package org.cyberreport.triage.scoring;

/**
 * What of a cluster's figures the priority depends on: the linked-reports points stop growing at a
 * few cases and the loss points change only at a tier. Members scored in the same band have the
 * same cluster factors, so a join re-scores the other members only when the band changes.
 */
public record ClusterBand(int linkSteps, int lossPoints) {
}
