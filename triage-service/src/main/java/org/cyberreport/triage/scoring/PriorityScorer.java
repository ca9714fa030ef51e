package org.cyberreport.triage.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cyberreport.triage.report.ReportFacts;

/**
 * Scores a report from the factors of public practice (NFIB risk assessment, MoRiLE, solvability):
 * harm, victim vulnerability, ongoing harm, victims, critical infrastructure, lines of enquiry, links
 * to other reports, and the golden hour. Every point is explained; nothing here is hidden in code
 * that the configuration cannot change.
 */
public final class PriorityScorer {

    private static final Set<String> PAYMENT_FRAUD = Set.of("ONLINE_FRAUD", "CRYPTO");
    private static final Set<String> INSTANT_METHODS = Set.of("INSTANT_PAYMENT", "CARD", "CRYPTO", "GIFT_CARD");
    private static final Set<String> WIRE_METHODS = Set.of("BANK_TRANSFER", "MONEY_TRANSFER_SERVICE");

    private final ScoringPolicy policy;

    public PriorityScorer(ScoringPolicy policy) {
        this.policy = policy;
    }

    /** The loss of one report in the reference currency, and what could not be converted. */
    public Loss loss(ReportFacts facts) {
        List<String> unconverted = new ArrayList<>();
        BigDecimal total;
        if (facts.totalLoss() != null && facts.totalLoss().amount() != null) {
            total = convert(facts.totalLoss().amount(), facts.totalLoss().currency(), unconverted);
        } else {
            total = BigDecimal.ZERO;
            for (ReportFacts.Transaction transaction : facts.transactions()) {
                if (transaction.amount() != null && transaction.amount().amount() != null) {
                    total = total.add(convert(transaction.amount().amount(), transaction.amount().currency(), unconverted));
                }
            }
            if (facts.crypto() != null) {
                for (ReportFacts.Transfer transfer : facts.crypto().transfers()) {
                    if (transfer.amount() != null) {
                        total = total.add(convert(transfer.amount(), transfer.asset(), unconverted));
                    }
                }
            }
        }
        return new Loss(total.setScale(2, RoundingMode.HALF_UP), List.copyOf(unconverted));
    }

    public record Loss(BigDecimal amount, List<String> unconverted) {
    }

    private BigDecimal convert(BigDecimal amount, String unit, List<String> unconverted) {
        if (unit == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal rate = policy.rates().get(unit.toUpperCase(Locale.ROOT));
        if (rate == null) {
            unconverted.add(unit);
            return BigDecimal.ZERO;
        }
        return amount.multiply(rate);
    }

    /**
     * @param category   the case's category (an officer may have reclassified the report)
     * @param indicators how many distinct suspect identifiers the report names
     */
    public Priority score(ReportFacts facts, String category, int indicators, ClusterFacts cluster, Instant receivedAt,
                          Instant now) {
        return score(facts, category, indicators, cluster, List.of(), receivedAt, now);
    }

    /** @param knownBad the case's identifiers that imported feeds list as known bad */
    public Priority score(ReportFacts facts, String category, int indicators, ClusterFacts cluster,
                          List<KnownBad> knownBad, Instant receivedAt, Instant now) {
        List<FactorScore> breakdown = new ArrayList<>();
        lossFactor(facts, cluster, breakdown);
        vulnerabilityFactors(facts, breakdown);
        ongoingHarmFactors(facts, now, breakdown);
        victimFactors(facts, breakdown);
        criticalInfrastructure(facts, breakdown);
        enquiryFactors(facts, indicators, breakdown);
        linkFactor(cluster, breakdown);
        knownBadFactor(knownBad, breakdown);
        boolean goldenHour = goldenHour(facts, category, now, breakdown);
        int score = breakdown.stream().mapToInt(FactorScore::points).sum();
        Level level = goldenHour ? Level.P1 : levelFor(score);
        return new Priority(score, level, receivedAt.plus(respondWithin(level)), goldenHour, breakdown, now,
                nextChange(facts, category, now));
    }

    /**
     * The first moment after {@code now} at which a time-bound factor starts or stops applying: an
     * extortion deadline entering the window or passing, a breach leaving its window, a payment leaving
     * its golden hour. Null when no such moment is ahead.
     */
    Instant nextChange(ReportFacts facts, String category, Instant now) {
        List<Instant> moments = new ArrayList<>();
        ScoringPolicy.OngoingHarm harm = policy.ongoingHarm();
        ReportFacts.Extortion extortion = facts.extortion();
        if (extortion != null && extortion.deadline() != null && !extortion.paid()) {
            moments.add(extortion.deadline().minus(harm.deadlineWindow()));
            moments.add(extortion.deadline());
        }
        if (facts.dataTheft() != null && facts.discoveredAt() != null) {
            moments.add(facts.discoveredAt().plus(harm.activeBreachWindow()));
        }
        if (PAYMENT_FRAUD.contains(category)) {
            ScoringPolicy.GoldenHour window = policy.goldenHour();
            for (ReportFacts.Transaction transaction : facts.transactions()) {
                Duration limit = INSTANT_METHODS.contains(transaction.method()) ? window.instantWindow()
                        : WIRE_METHODS.contains(transaction.method()) ? window.wireWindow() : null;
                if (limit != null && transaction.executedAt() != null) {
                    moments.add(transaction.executedAt());
                    moments.add(transaction.executedAt().plus(limit));
                }
            }
            if (facts.crypto() != null) {
                facts.crypto().transfers().stream().filter(transfer -> transfer.executedAt() != null).forEach(transfer -> {
                    moments.add(transfer.executedAt());
                    moments.add(transfer.executedAt().plus(window.instantWindow()));
                });
            }
        }
        return moments.stream().filter(moment -> moment.isAfter(now)).min(Comparator.naturalOrder()).orElse(null);
    }

    public Level levelFor(int score) {
        return policy.levels().stream().sorted(Comparator.comparingInt(ScoringPolicy.LevelRule::minScore).reversed())
                .filter(rule -> score >= rule.minScore()).map(ScoringPolicy.LevelRule::level).findFirst().orElse(Level.P4);
    }

    public Duration respondWithin(Level level) {
        return policy.levels().stream().filter(rule -> rule.level() == level).map(ScoringPolicy.LevelRule::respondWithin)
                .findFirst().orElse(Duration.ofDays(7));
    }

    private void lossFactor(ReportFacts facts, ClusterFacts cluster, List<FactorScore> breakdown) {
        Loss own = loss(facts);
        BigDecimal counted = own.amount().max(cluster.totalLoss() == null ? BigDecimal.ZERO : cluster.totalLoss());
        int points = tier(policy.lossTiers(), counted);
        String currency = policy.referenceCurrency();
        StringBuilder reason = new StringBuilder(currency + " " + own.amount().toPlainString() + " lost");
        if (cluster.cases() > 1) {
            reason.append("; ").append(currency).append(' ').append(counted.setScale(2, RoundingMode.HALF_UP).toPlainString())
                    .append(" across ").append(cluster.cases()).append(" linked reports");
        }
        if (!own.unconverted().isEmpty()) {
            reason.append("; no rate for ").append(String.join(", ", own.unconverted()));
        }
        add(breakdown, "LOSS", points, reason.toString());
    }

    private void vulnerabilityFactors(ReportFacts facts, List<FactorScore> breakdown) {
        ScoringPolicy.Vulnerability weights = policy.vulnerability();
        boolean minor = facts.victims().stream().anyMatch(ReportFacts.Victim::minor)
                || facts.extortion() != null && facts.extortion().sextortion() != null && facts.extortion().sextortion().victimMinor();
        boolean selfHarm = has(facts, "SELF_HARM_RISK")
                || facts.extortion() != null && facts.extortion().sextortion() != null && facts.extortion().sextortion().selfHarmRisk();
        boolean elderly = has(facts, "ELDERLY") || facts.victims().stream().anyMatch(v -> v.age() != null && v.age() >= 65);
        add(breakdown, "VICTIM_MINOR", minor ? weights.minor() : 0, "a victim is a minor");
        add(breakdown, "SELF_HARM_RISK", selfHarm ? weights.selfHarmRisk() : 0, "a victim is at risk of self-harm");
        add(breakdown, "VICTIM_ELDERLY", elderly ? weights.elderly() : 0, "a victim is elderly");
        add(breakdown, "REPEAT_VICTIM", has(facts, "REPEAT_VICTIM") ? weights.repeatVictim() : 0, "a victim is a repeat victim");
        add(breakdown, "VICTIM_DISABILITY", has(facts, "DISABILITY") ? weights.disability() : 0, "a victim has a disability");
    }

    private static boolean has(ReportFacts facts, String vulnerability) {
        return facts.victims().stream().anyMatch(victim -> victim.vulnerabilities().contains(vulnerability));
    }

    private void ongoingHarmFactors(ReportFacts facts, Instant now, List<FactorScore> breakdown) {
        ScoringPolicy.OngoingHarm weights = policy.ongoingHarm();
        if (facts.onlineFraud() != null && facts.onlineFraud().paymentsOngoing()) {
            add(breakdown, "PAYMENTS_ONGOING", weights.paymentsOngoing(), "the victim is still paying");
        }
        ReportFacts.Extortion extortion = facts.extortion();
        if (extortion != null && extortion.deadline() != null && !extortion.paid()
                && extortion.deadline().isAfter(now) && !extortion.deadline().isAfter(now.plus(weights.deadlineWindow()))) {
            add(breakdown, "DEADLINE_NEAR", weights.deadlineNear(), "the extortion deadline is within "
                    + weights.deadlineWindow().toHours() + " h and nothing was paid");
        }
        if (facts.dataTheft() != null && facts.discoveredAt() != null
                && facts.discoveredAt().isAfter(now.minus(weights.activeBreachWindow()))) {
            add(breakdown, "ACTIVE_BREACH", weights.activeBreach(), "the breach was discovered within the last "
                    + weights.activeBreachWindow().toDays() + " days");
        }
    }

    private void victimFactors(ReportFacts facts, List<FactorScore> breakdown) {
        ScoringPolicy.Victims weights = policy.victims();
        int extra = Math.max(0, facts.victims().size() - 1);
        add(breakdown, "VICTIMS", Math.min(weights.maxForVictims(), extra * weights.perAdditionalVictim()),
                facts.victims().size() + " victim(s)");
        if (facts.dataTheft() != null && facts.dataTheft().recordCount() != null) {
            long records = facts.dataTheft().recordCount();
            add(breakdown, "RECORDS", tier(weights.recordTiers(), BigDecimal.valueOf(records)), records + " records stolen");
        }
    }

    private void criticalInfrastructure(ReportFacts facts, List<FactorScore> breakdown) {
        if (facts.extortion() != null && facts.extortion().ransomware() != null
                && facts.extortion().ransomware().criticalInfrastructureSector() != null) {
            add(breakdown, "CRITICAL_INFRASTRUCTURE", policy.criticalInfrastructure(),
                    "critical infrastructure hit: " + facts.extortion().ransomware().criticalInfrastructureSector());
        }
    }

    private void enquiryFactors(ReportFacts facts, int indicators, List<FactorScore> breakdown) {
        ScoringPolicy.Enquiry weights = policy.enquiry();
        add(breakdown, "LINES_OF_ENQUIRY", Math.min(weights.maxForIndicators(), indicators * weights.perIndicator()),
                indicators + " suspect identifier(s) to follow");
        if (knownBeneficiary(facts)) {
            add(breakdown, "BENEFICIARY_KNOWN", weights.beneficiaryKnown(), "the receiving account or wallet is known");
        }
    }

    /** The band of a cluster's figures: a member's points change only when it does. */
    public ClusterBand band(ClusterFacts cluster) {
        ScoringPolicy.Links links = policy.links();
        int saturation = links.perLinkedCase() <= 0 ? 0 : (links.maxForLinks() + links.perLinkedCase() - 1) / links.perLinkedCase();
        int steps = Math.min(saturation, Math.max(0, cluster.cases() - 1));
        return new ClusterBand(steps, tier(policy.lossTiers(), cluster.totalLoss() == null ? BigDecimal.ZERO : cluster.totalLoss()));
    }

    private void linkFactor(ClusterFacts cluster, List<FactorScore> breakdown) {
        int linked = Math.max(0, cluster.cases() - 1);
        add(breakdown, "LINKED_REPORTS", Math.min(policy.links().maxForLinks(), linked * policy.links().perLinkedCase()),
                linked + " linked report(s)");
    }

    /** Named in an imported feed of known-bad indicators: the factor says which identifiers, which feeds and whose. */
    private void knownBadFactor(List<KnownBad> knownBad, List<FactorScore> breakdown) {
        if (knownBad.isEmpty()) {
            return;
        }
        long identifiers = knownBad.stream().map(KnownBad::key).distinct().count();
        String feeds = String.join("; ", knownBad.stream()
                .map(match -> "'" + match.feed() + "'" + (match.source() == null ? "" : " from " + match.source())
                        + " (" + match.tlp() + ")").distinct().sorted().toList());
        add(breakdown, "KNOWN_BAD_INDICATOR", policy.knownBadIndicator(), identifiers
                + " identifier(s) listed as known bad by " + feeds);
    }

    /** A recent payment fraud whose money went to a known account or wallet: it may still be stopped. */
    private boolean goldenHour(ReportFacts facts, String category, Instant now, List<FactorScore> breakdown) {
        if (!PAYMENT_FRAUD.contains(category)) {
            return false;
        }
        ScoringPolicy.GoldenHour window = policy.goldenHour();
        for (ReportFacts.Transaction transaction : facts.transactions()) {
            Duration limit = INSTANT_METHODS.contains(transaction.method()) ? window.instantWindow()
                    : WIRE_METHODS.contains(transaction.method()) ? window.wireWindow() : null;
            if (limit != null && transaction.to() != null && transaction.to().identifiesBeneficiary()
                    && within(transaction.executedAt(), now, limit)) {
                return golden(breakdown, transaction.method().toLowerCase(Locale.ROOT).replace('_', ' '), limit);
            }
        }
        if (facts.crypto() != null) {
            for (ReportFacts.Transfer transfer : facts.crypto().transfers()) {
                if (transfer.toAddress() != null && within(transfer.executedAt(), now, window.instantWindow())) {
                    return golden(breakdown, "crypto transfer", window.instantWindow());
                }
            }
        }
        return false;
    }

    private boolean golden(List<FactorScore> breakdown, String what, Duration limit) {
        add(breakdown, "GOLDEN_HOUR", policy.goldenHour().points(), "a " + what + " to a known beneficiary less than "
                + limit.toHours() + " h ago may still be stopped; level P1");
        return true;
    }

    private static boolean within(Instant moment, Instant now, Duration limit) {
        return moment != null && !moment.isAfter(now) && moment.isAfter(now.minus(limit));
    }

    private static boolean knownBeneficiary(ReportFacts facts) {
        return facts.transactions().stream().anyMatch(t -> t.to() != null && t.to().identifiesBeneficiary())
                || facts.crypto() != null && facts.crypto().transfers().stream().anyMatch(t -> t.toAddress() != null)
                || facts.extortion() != null && facts.extortion().payToAddress() != null;
    }

    private static int tier(List<ScoringPolicy.Tier> tiers, BigDecimal value) {
        return tiers.stream().filter(tier -> value.compareTo(tier.atLeast()) >= 0)
                .mapToInt(ScoringPolicy.Tier::points).max().orElse(0);
    }

    private static void add(List<FactorScore> breakdown, String factor, int points, String reason) {
        if (points > 0) {
            breakdown.add(new FactorScore(factor, points, reason));
        }
    }
}
