package org.cyberreport.triage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cyberreport.triage.correlation.Indicators;
import org.cyberreport.triage.correlation.WarningLists;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.scoring.Level;
import org.cyberreport.triage.scoring.ScoringPolicy;

/** Named fixtures: the configured policy, and reports of the kinds triage sees. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    /** Indicators with the bundled warning lists, as the service runs by default. */
    public static final Indicators INDICATORS = new Indicators(WarningLists.load(null));

    private Fixtures() {
    }

    /** The same weights as application.yml, so that unit tests speak of the configured policy. */
    public static ScoringPolicy policy() {
        return new ScoringPolicy("EUR",
                Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("0.92"), "MAD", new BigDecimal("0.092"),
                        "BTC", new BigDecimal("85000"), "USDT", new BigDecimal("0.92")),
                List.of(tier(100, 5), tier(1_000, 10), tier(10_000, 20), tier(100_000, 30), tier(1_000_000, 40)),
                new ScoringPolicy.Vulnerability(25, 10, 5, 10, 30),
                new ScoringPolicy.OngoingHarm(15, 20, Duration.ofHours(48), 10, Duration.ofDays(7)),
                new ScoringPolicy.Victims(2, 10, List.of(tier(10_000, 10), tier(1_000_000, 20))),
                25,
                new ScoringPolicy.Enquiry(3, 15, 5),
                new ScoringPolicy.Links(5, 20),
                new ScoringPolicy.GoldenHour(50, Duration.ofHours(24), Duration.ofHours(72)),
                List.of(new ScoringPolicy.LevelRule(Level.P1, 70, Duration.ofHours(4)),
                        new ScoringPolicy.LevelRule(Level.P2, 45, Duration.ofHours(24)),
                        new ScoringPolicy.LevelRule(Level.P3, 25, Duration.ofHours(72)),
                        new ScoringPolicy.LevelRule(Level.P4, 0, Duration.ofDays(7))), 25);
    }

    private static ScoringPolicy.Tier tier(long atLeast, int points) {
        return new ScoringPolicy.Tier(BigDecimal.valueOf(atLeast), points);
    }

    public static ReportFacts.Victim anAdult() {
        return new ReportFacts.Victim("PERSON", 40, false, Set.of(), "MA");
    }

    public static ReportFacts aFraud(List<ReportFacts.Victim> victims, List<ReportFacts.Transaction> transactions,
                                     ReportFacts.Amount loss, boolean paymentsOngoing) {
        return new ReportFacts("ONLINE_FRAUD", "MA", NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)), victims,
                List.of(), transactions, loss, new ReportFacts.Handling("AMBER", Set.of()),
                new ReportFacts.OnlineFraud("INVESTMENT", paymentsOngoing), null, null, null);
    }

    public static ReportFacts.Transaction aPayment(String method, String amount, Instant when, boolean beneficiaryKnown) {
        ReportFacts.Party to = beneficiaryKnown ? new ReportFacts.Party("FR7630006000011234567890189", null, null, null, null, null, "FR")
                : new ReportFacts.Party(null, null, null, null, null, null, "FR");
        return new ReportFacts.Transaction(method, new ReportFacts.Amount(new BigDecimal(amount), "EUR"), when, null, to, null, "COMPLETED");
    }

    public static ReportFacts aPlainFraud() {
        return aFraud(List.of(anAdult()), List.of(), null, false);
    }

    public static ReportHandoff aHandoff(String id, long version, String country, ReportFacts facts) {
        return new ReportHandoff(id, country + "-2026-" + id.substring(0, Math.min(6, id.length())), version, "FILED",
                country, country + "-UNIT", "officer", NOW, NOW, facts);
    }
}
