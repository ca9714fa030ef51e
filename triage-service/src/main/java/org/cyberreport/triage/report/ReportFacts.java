package org.cyberreport.triage.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Triage's own copy of the parts of an intake report it works with (a tolerant reader: fields it
 * does not know are ignored, enumerations stay text so that a new value in intake breaks nothing).
 * {@code docs/contracts/report-handoff.json} keeps this copy and intake's message honest.
 */
public record ReportFacts(String category, String jurisdictionCountry, Instant incidentStartedAt, Instant discoveredAt,
                          List<Victim> victims, List<Subject> subjects, List<Transaction> transactions, Amount totalLoss,
                          Handling handling, OnlineFraud onlineFraud, Extortion extortion, Crypto crypto,
                          DataTheft dataTheft, List<PossibleTraffickingVictim> possibleTraffickingVictims) {

    public ReportFacts {
        victims = victims == null ? List.of() : List.copyOf(victims);
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        transactions = transactions == null ? List.of() : List.copyOf(transactions);
        possibleTraffickingVictims = possibleTraffickingVictims == null ? List.of() : List.copyOf(possibleTraffickingVictims);
    }

    /** A report that names no possible trafficking victim. */
    public ReportFacts(String category, String jurisdictionCountry, Instant incidentStartedAt, Instant discoveredAt,
                       List<Victim> victims, List<Subject> subjects, List<Transaction> transactions, Amount totalLoss,
                       Handling handling, OnlineFraud onlineFraud, Extortion extortion, Crypto crypto, DataTheft dataTheft) {
        this(category, jurisdictionCountry, incidentStartedAt, discoveredAt, victims, subjects, transactions, totalLoss,
                handling, onlineFraud, extortion, crypto, dataTheft, List.of());
    }

    /** The subtype named in the category's section, if any. */
    public String subtype() {
        if (category == null) {
            return null;
        }
        return switch (category) {
            case "ONLINE_FRAUD" -> onlineFraud == null ? null : onlineFraud.subtype();
            case "EXTORTION" -> extortion == null ? null : extortion.subtype();
            case "CRYPTO" -> crypto == null ? null : crypto.subtype();
            case "DATA_THEFT" -> dataTheft == null ? null : dataTheft.subtype();
            default -> null;
        };
    }

    public record Victim(String kind, Integer age, boolean minor, Set<String> vulnerabilities, String residenceCountry) {
        public Victim {
            vulnerabilities = vulnerabilities == null ? Set.of() : Set.copyOf(vulnerabilities);
        }
    }

    public record Subject(String type, String value, String chain, String platform) {
    }

    public record Transaction(String method, Amount amount, Instant executedAt, Party from, Party to, String uetr,
                              String status) {
    }

    public record Party(String iban, String bic, String accountNumber, Wallet wallet, String holderName,
                        String institution, String country) {
        public boolean identifiesBeneficiary() {
            return iban != null || accountNumber != null || wallet != null;
        }
    }

    public record Wallet(String chain, String address) {
    }

    public record Amount(BigDecimal amount, String currency) {
    }

    public record Handling(String tlp, Set<String> codes) {
    }

    public record OnlineFraud(String subtype, boolean paymentsOngoing) {
    }

    public record Extortion(String subtype, Demand demand, Instant deadline, boolean paid, Wallet payToAddress,
                            Sextortion sextortion, Ransomware ransomware) {
    }

    public record Demand(BigDecimal amount, String currency, String asset) {
    }

    public record Sextortion(boolean victimMinor, boolean selfHarmRisk) {
    }

    public record Ransomware(String criticalInfrastructureSector) {
    }

    public record Crypto(String subtype, List<Transfer> transfers) {
        public Crypto {
            transfers = transfers == null ? List.of() : List.copyOf(transfers);
        }
    }

    public record Transfer(String chain, String asset, BigDecimal amount, String toAddress, Instant executedAt) {
    }

    /**
     * A person named in the report who may be a trafficking victim forced to work in a scam compound:
     * why (the indicators), their identifiers (never a suspect's line of enquiry) and the compound.
     */
    public record PossibleTraffickingVictim(Set<String> indicators, List<Subject> identifiers, Compound compound,
                                            String nationality) {
        public PossibleTraffickingVictim {
            indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        }
    }

    public record Compound(String country, String locality, String description, Double latitude, Double longitude) {
    }

    public record DataTheft(String subtype, Long recordCount, Set<String> dataCategories) {
    }
}
