package org.cyberreport.triage.correlation;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.triage.report.ReportFacts;

/**
 * The lines of enquiry of a report, as normalised keys: the suspects' identifiers and the accounts
 * and wallets that money went to.
 */
public final class Indicators {

    private Indicators() {
    }

    public static Set<String> of(ReportFacts facts) {
        Set<String> keys = new TreeSet<>();
        for (ReportFacts.Subject subject : facts.subjects()) {
            fromSubject(subject).ifPresent(keys::add);
        }
        for (ReportFacts.Transaction transaction : facts.transactions()) {
            ReportFacts.Party to = transaction.to();
            if (to != null) {
                if (to.iban() != null) {
                    IndicatorNormaliser.iban(to.iban()).ifPresent(keys::add);
                }
                if (to.accountNumber() != null) {
                    IndicatorNormaliser.account(to.accountNumber()).ifPresent(keys::add);
                }
                if (to.wallet() != null) {
                    IndicatorNormaliser.wallet(to.wallet().chain(), to.wallet().address()).ifPresent(keys::add);
                }
            }
        }
        if (facts.crypto() != null) {
            facts.crypto().transfers().forEach(transfer ->
                    IndicatorNormaliser.wallet(transfer.chain(), transfer.toAddress()).ifPresent(keys::add));
        }
        if (facts.extortion() != null && facts.extortion().payToAddress() != null) {
            ReportFacts.Wallet wallet = facts.extortion().payToAddress();
            IndicatorNormaliser.wallet(wallet.chain(), wallet.address()).ifPresent(keys::add);
        }
        return keys;
    }

    private static Optional<String> fromSubject(ReportFacts.Subject subject) {
        if (subject.type() == null || subject.value() == null) {
            return Optional.empty();
        }
        return switch (subject.type()) {
            case "IBAN" -> IndicatorNormaliser.iban(subject.value());
            case "ACCOUNT" -> IndicatorNormaliser.account(subject.value());
            case "CRYPTO_ADDRESS" -> IndicatorNormaliser.wallet(subject.chain(), subject.value());
            case "EMAIL" -> IndicatorNormaliser.email(subject.value());
            case "PHONE" -> IndicatorNormaliser.phone(subject.value());
            case "DOMAIN", "URL" -> IndicatorNormaliser.domain(subject.value());
            case "IP_ADDRESS" -> IndicatorNormaliser.ip(subject.value());
            case "SOCIAL_HANDLE" -> IndicatorNormaliser.handle(subject.platform(), subject.value());
            default -> Optional.empty();
        };
    }
}
