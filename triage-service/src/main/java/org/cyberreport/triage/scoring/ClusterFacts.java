package org.cyberreport.triage.scoring;

import java.math.BigDecimal;

/**
 * What the cases linked to a case add up to (the case itself included): a network turns many small
 * losses into one large case.
 */
public record ClusterFacts(int cases, BigDecimal totalLoss, int victims) {

    public static ClusterFacts alone(BigDecimal loss, int victims) {
        return new ClusterFacts(1, loss, victims);
    }
}
