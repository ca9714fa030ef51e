package org.cyberreport.triage.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The weights and thresholds of priority scoring, all from configuration ({@code triage.priority}).
 *
 * @param referenceCurrency losses are compared in this currency
 * @param rates             value of one unit of a currency or crypto asset in the reference currency
 * @param lossTiers         points for a loss of at least a given amount (in the reference currency)
 * @param levels            the lowest score of each level and the time to respond at that level
 * @param knownBadIndicator points when an imported feed (MISP, STIX) lists one of the case's identifiers as known bad
 */
public record ScoringPolicy(String referenceCurrency, Map<String, BigDecimal> rates, List<Tier> lossTiers,
                            Vulnerability vulnerability, OngoingHarm ongoingHarm, Victims victims,
                            int criticalInfrastructure, Enquiry enquiry, Links links, GoldenHour goldenHour,
                            List<LevelRule> levels, int knownBadIndicator) {

    public record Tier(BigDecimal atLeast, int points) {
    }

    public record Vulnerability(int minor, int elderly, int repeatVictim, int disability, int selfHarmRisk) {
    }

    public record OngoingHarm(int paymentsOngoing, int deadlineNear, Duration deadlineWindow, int activeBreach,
                              Duration activeBreachWindow) {
    }

    public record Victims(int perAdditionalVictim, int maxForVictims, List<Tier> recordTiers) {
    }

    public record Enquiry(int perIndicator, int maxForIndicators, int beneficiaryKnown) {
    }

    public record Links(int perLinkedCase, int maxForLinks) {
    }

    /**
     * A recent payment with a known beneficiary may still be stopped: within {@code instantWindow} for
     * instant payments, cards and crypto, within {@code wireWindow} for bank transfers.
     */
    public record GoldenHour(int points, Duration instantWindow, Duration wireWindow) {
    }

    public record LevelRule(Level level, int minScore, Duration respondWithin) {
    }
}
