package org.cyberreport.intake.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.cyberreport.intake.report.validation.Codes;
import org.cyberreport.intake.report.validation.CryptoAddresses;
import org.cyberreport.intake.report.validation.Rule;
import org.cyberreport.intake.report.validation.Violation;

/**
 * The rules of a report that span fields: the section that matches the category, identifiers checked
 * by their type, amounts in their currency's scale, and timestamps in an order that makes sense.
 * Single-field formats are checked by the annotations on the records.
 */
final class ReportRules {

    private final ReportContent report;
    private final Instant now;
    private final List<Violation> violations = new ArrayList<>();

    private ReportRules(ReportContent report, Instant now) {
        this.report = report;
        this.now = now;
    }

    static List<Violation> check(ReportContent report, Instant now) {
        ReportRules rules = new ReportRules(report, now);
        rules.checkSections();
        rules.checkTimeline();
        rules.checkVictims();
        rules.checkSubjects();
        rules.checkTransactions();
        rules.checkMoney("totalLoss", report.totalLoss());
        rules.checkOnlineFraud();
        rules.checkExtortion();
        rules.checkCrypto();
        rules.checkDataTheft();
        rules.checkPossibleTraffickingVictims();
        return List.copyOf(rules.violations);
    }

    private void checkSections() {
        if (report.category() == null) {
            return;
        }
        section(ReportCategory.ONLINE_FRAUD, "onlineFraud", report.onlineFraud());
        section(ReportCategory.EXTORTION, "extortion", report.extortion());
        section(ReportCategory.CRYPTO, "crypto", report.crypto());
        section(ReportCategory.DATA_THEFT, "dataTheft", report.dataTheft());
    }

    private void section(ReportCategory category, String name, Object details) {
        if (report.category() == category && details == null) {
            fail(name, "is required for category " + category);
        } else if (report.category() != category && details != null) {
            fail(name, "is only allowed for category " + category);
        }
    }

    private void checkTimeline() {
        if (report.incidentStartedAt() != null && report.discoveredAt() != null
                && report.discoveredAt().isBefore(report.incidentStartedAt())) {
            fail("discoveredAt", "must not be before incidentStartedAt");
        }
        forEach("evidence", report.evidence(), (path, item) -> notBeforeIncident(path + ".collectedAt", item.collectedAt()));
    }

    private void checkVictims() {
        forEach("victims", report.victims(), (path, victim) -> {
            if (victim.kind() == Victim.Kind.ORGANISATION && victim.minor()) {
                fail(path + ".minor", "an organisation cannot be a minor");
            }
            if (victim.age() != null && victim.kind() == Victim.Kind.PERSON && (victim.age() < 18) != victim.minor()) {
                fail(path + ".minor", "must agree with age (a person under 18 is a minor)");
            }
        });
    }

    private void checkSubjects() {
        forEach("subjects", report.subjects(), this::checkIdentifier);
    }

    /**
     * A person who may be a trafficking victim is described (a name or an identifier), their identifiers
     * follow the subjects' rules, and a compound's coordinates come as a pair.
     */
    private void checkPossibleTraffickingVictims() {
        forEach("possibleTraffickingVictims", report.possibleTraffickingVictims(), (path, person) -> {
            if ((person.name() == null || person.name().isBlank()) && person.identifiers().isEmpty()) {
                fail(path, "must give a name or at least one identifier of the person");
            }
            forEach(path + ".identifiers", person.identifiers(), this::checkIdentifier);
            CompoundLocation compound = person.compound();
            if (compound != null && (compound.latitude() == null) != (compound.longitude() == null)) {
                fail(path + ".compound", "must give both latitude and longitude, or neither");
            }
        });
    }

    private void checkIdentifier(String path, SubjectIdentifier subject) {
        if (subject.type() == null || subject.value() == null) {
            return;
        }
        boolean crypto = subject.type() == SubjectIdentifier.Type.CRYPTO_ADDRESS;
        if (crypto && subject.chain() == null) {
            fail(path + ".chain", "is required for a crypto address");
        } else if (!crypto && subject.chain() != null) {
            fail(path + ".chain", "is only allowed for a crypto address");
        }
        String problem = switch (subject.type()) {
            case EMAIL -> rule(Rule.EMAIL, subject.value());
            case PHONE -> rule(Rule.E164_PHONE, subject.value());
            case URL -> rule(Rule.URL, subject.value());
            case DOMAIN -> rule(Rule.DOMAIN, subject.value());
            case IP_ADDRESS -> rule(Rule.IP_ADDRESS, subject.value());
            case SOCIAL_HANDLE -> rule(Rule.SOCIAL_HANDLE, subject.value());
            case IBAN -> rule(Rule.IBAN, subject.value());
            case ACCOUNT -> subject.value().matches("[A-Za-z0-9 /-]{4,34}") ? null
                    : "must be 4 to 34 letters, digits, spaces, '/' or '-'";
            case CRYPTO_ADDRESS -> subject.chain() == null || CryptoAddresses.isValid(subject.chain(), subject.value())
                    ? null : "is not a valid " + subject.chain() + " address";
            case NAME -> subject.value().length() <= 200 ? null : "must be at most 200 characters";
        };
        if (problem != null) {
            fail(path + ".value", problem);
        }
    }

    private void checkTransactions() {
        forEach("transactions", report.transactions(), (path, transaction) -> {
            checkMoney(path + ".amount", transaction.amount());
            notBeforeIncident(path + ".executedAt", transaction.executedAt());
            checkParty(path + ".from", transaction.from());
            checkParty(path + ".to", transaction.to());
        });
    }

    private void checkParty(String path, PaymentParty party) {
        if (party == null) {
            return;
        }
        if (party.iban() == null && party.accountNumber() == null && party.wallet() == null) {
            fail(path, "must name an iban, an accountNumber or a wallet");
        }
        checkWallet(path + ".wallet", party.wallet());
    }

    private void checkWallet(String path, WalletAddress wallet) {
        if (wallet != null && wallet.chain() != null && wallet.address() != null
                && !CryptoAddresses.isValid(wallet.chain(), wallet.address())) {
            fail(path + ".address", "is not a valid " + wallet.chain() + " address");
        }
    }

    private void checkMoney(String path, Money money) {
        if (money != null && money.amount() != null && Codes.isCurrency(money.currency())
                && !Codes.fitsCurrencyScale(money.amount(), money.currency())) {
            fail(path + ".amount", "has more decimals than " + money.currency() + " allows ("
                    + Codes.currencyDigits(money.currency()) + ")");
        }
    }

    private void checkOnlineFraud() {
        OnlineFraudDetails fraud = report.onlineFraud();
        if (fraud != null && fraud.firstContactAt() != null && report.discoveredAt() != null
                && fraud.firstContactAt().isAfter(report.discoveredAt())) {
            fail("onlineFraud.firstContactAt", "must not be after discoveredAt");
        }
    }

    private void checkExtortion() {
        ExtortionDetails extortion = report.extortion();
        if (extortion == null) {
            return;
        }
        ExtortionDetails.Demand demand = extortion.demand();
        if (demand != null) {
            if ((demand.currency() == null) == (demand.asset() == null)) {
                fail("extortion.demand", "must name either a currency or an asset, not both");
            } else if (demand.currency() != null && demand.amount() != null && Codes.isCurrency(demand.currency())
                    && !Codes.fitsCurrencyScale(demand.amount(), demand.currency())) {
                fail("extortion.demand.amount", "has more decimals than " + demand.currency() + " allows");
            }
        }
        if (extortion.deadline() != null) {
            notBeforeIncident("extortion.deadline", extortion.deadline());
            if (extortion.deadline().isAfter(now.plus(Duration.ofDays(366)))) {
                fail("extortion.deadline", "must be within a year from now");
            }
        }
        checkWallet("extortion.payToAddress", extortion.payToAddress());
        if (extortion.sextortion() != null && extortion.subtype() != ExtortionDetails.Subtype.SEXTORTION) {
            fail("extortion.sextortion", "is only allowed for subtype SEXTORTION");
        }
        if (extortion.ransomware() != null && extortion.subtype() != ExtortionDetails.Subtype.RANSOMWARE) {
            fail("extortion.ransomware", "is only allowed for subtype RANSOMWARE");
        }
    }

    private void checkCrypto() {
        CryptoDetails crypto = report.crypto();
        if (crypto == null) {
            return;
        }
        forEach("crypto.transfers", crypto.transfers(), (path, transfer) -> {
            if (transfer.chain() != null) {
                if (transfer.fromAddress() != null && !CryptoAddresses.isValid(transfer.chain(), transfer.fromAddress())) {
                    fail(path + ".fromAddress", "is not a valid " + transfer.chain() + " address");
                }
                if (transfer.toAddress() != null && !CryptoAddresses.isValid(transfer.chain(), transfer.toAddress())) {
                    fail(path + ".toAddress", "is not a valid " + transfer.chain() + " address");
                }
            }
            notBeforeIncident(path + ".executedAt", transfer.executedAt());
        });
    }

    private void checkDataTheft() {
        DataTheftDetails theft = report.dataTheft();
        if (theft != null) {
            notBeforeIncident("dataTheft.regulatorNotifiedAt", theft.regulatorNotifiedAt());
        }
    }

    private void notBeforeIncident(String path, Instant moment) {
        if (moment != null && report.incidentStartedAt() != null && moment.isBefore(report.incidentStartedAt())) {
            fail(path, "must not be before incidentStartedAt");
        }
    }

    private static String rule(Rule rule, String value) {
        return rule.accepts(value) ? null : rule.message();
    }

    private <T> void forEach(String path, List<T> items, BiConsumer<String, T> check) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                check.accept(path + "[" + i + "]", items.get(i));
            }
        }
    }

    private void fail(String path, String message) {
        violations.add(new Violation(path, message));
    }
}
