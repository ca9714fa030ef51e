package org.cyberreport.triage.escalation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.cyberreport.triage.report.ReportFacts;

/**
 * What triage can state for a cross-border request from the case itself (cooperation's completeness
 * check decides whether it is enough; if not, the request waits as a draft for the officer). Field
 * names follow cooperation's request content: triage's own copy of that part of the contract.
 */
public record EscalationContent(String requestingAuthority, String offence, String summaryOfFacts, String dataToPreserve,
                                String linkToOffence, List<String> questions, String purpose, String paymentRail,
                                String victimBank, String beneficiaryBank, String beneficiaryAccount, Amount amount,
                                Instant valueDate, String transactionReference) {

    public record Amount(BigDecimal amount, String currency) {
    }

    public static EscalationContent of(String requestType, String country, String reference, String category,
                                       String subtype, String narrative, ReportFacts facts, List<String> indicators,
                                       String reason) {
        String offence = category + (subtype == null ? "" : " / " + subtype);
        String authority = "INTERPOL National Central Bureau " + country;
        // The narrative speaks of the victim: it goes only with the types that need victim data.
        boolean victimData = "PAYMENT_STOP".equals(requestType) || "MUTUAL_LEGAL_ASSISTANCE".equals(requestType);
        String summary = !victimData ? "Report " + reference + ": " + offence + ", " + facts.victims().size()
                + " victim(s), " + indicators.size() + " suspect identifier(s)"
                : narrative == null ? null : narrative.length() <= 4_000 ? narrative : narrative.substring(0, 4_000);
        if (!"PAYMENT_STOP".equals(requestType)) {
            return new EscalationContent(authority, offence, summary, String.join(", ", indicators),
                    "Identifiers named in report " + reference, List.of(reason), "Criminal investigation of " + offence,
                    null, null, null, null, null, null, null);
        }
        Optional<ReportFacts.Transaction> payment = facts.transactions().stream()
                .filter(t -> t.to() != null && t.to().identifiesBeneficiary())
                .max(Comparator.comparing(t -> t.executedAt() == null ? Instant.MIN : t.executedAt()));
        if (payment.isEmpty()) {
            return new EscalationContent(authority, offence, summary, null, null, List.of(reason), null,
                    null, null, null, null, null, null, null);
        }
        ReportFacts.Transaction t = payment.get();
        return new EscalationContent(authority, offence, summary, null, null, List.of(reason),
                "Stop and recall of the payment", t.method(), bank(t.from()), bank(t.to()), account(t.to()),
                t.amount() == null ? null : new Amount(t.amount().amount(), t.amount().currency()), t.executedAt(),
                t.uetr());
    }

    private static String bank(ReportFacts.Party party) {
        if (party == null) {
            return null;
        }
        if (party.institution() != null) {
            return party.institution();
        }
        if (party.bic() != null) {
            return "BIC " + party.bic();
        }
        return party.iban() == null ? null : "the bank of account " + party.iban();
    }

    private static String account(ReportFacts.Party party) {
        if (party.iban() != null) {
            return party.iban();
        }
        if (party.accountNumber() != null) {
            return party.accountNumber();
        }
        return party.wallet() == null ? null : party.wallet().chain() + " " + party.wallet().address();
    }
}
