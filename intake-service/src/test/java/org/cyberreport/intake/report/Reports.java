package org.cyberreport.intake.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.cyberreport.intake.report.validation.CryptoChain;

/** Named report fixtures, one valid report per category, to vary in tests. */
public final class Reports {

    static final Instant STARTED = Instant.parse("2026-09-02T18:30:00Z");
    static final Instant DISCOVERED = Instant.parse("2026-11-20T09:15:00Z");

    private Reports() {
    }

    public static ReportContent anOnlineFraud() {
        return new ReportContent(ReportCategory.ONLINE_FRAUD, "MA", STARTED, DISCOVERED,
                List.of(anElderlyVictim()),
                List.of(new SubjectIdentifier(SubjectIdentifier.Type.PHONE, "+447911123456", null, null),
                        new SubjectIdentifier(SubjectIdentifier.Type.IBAN, "FR7630006000011234567890189", null, null)),
                List.of(aWireTo("FR7630006000011234567890189", "4500.00")),
                new Money(new BigDecimal("4500.00"), "EUR"),
                "The victim was contacted on social media and persuaded to invest.",
                List.of(new EvidenceItem("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "chat.pdf",
                        "application/pdf", 48213L, "Officer Benali", Instant.parse("2026-11-20T10:00:00Z"))),
                new HandlingMarks(HandlingMarks.Tlp.AMBER, Set.of(HandlingMarks.HandlingCode.H0)),
                new OnlineFraudDetails(OnlineFraudDetails.Subtype.INVESTMENT, OnlineFraudDetails.ContactChannel.SOCIAL_MEDIA,
                        "Instagram", Instant.parse("2026-09-02T18:30:00Z"), true),
                null, null, null);
    }

    public static ReportContent aCryptoTheft(String toAddress) {
        return new ReportContent(ReportCategory.CRYPTO, "FR", STARTED, DISCOVERED, List.of(anElderlyVictim()),
                List.of(new SubjectIdentifier(SubjectIdentifier.Type.CRYPTO_ADDRESS, toAddress, CryptoChain.BITCOIN, null)),
                List.of(), null, "Wallet drained after a fake airdrop.", List.of(),
                new HandlingMarks(HandlingMarks.Tlp.GREEN, Set.of()), null, null,
                new CryptoDetails(CryptoDetails.Subtype.WALLET_DRAINER, CryptoDetails.Custody.SELF_CUSTODY,
                        List.of(new CryptoDetails.Transfer(CryptoChain.BITCOIN, "BTC", new BigDecimal("0.12345678"),
                                "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", toAddress, null,
                                Instant.parse("2026-11-19T08:00:00Z"), null))),
                null);
    }

    static Victim anElderlyVictim() {
        return new Victim(Victim.Kind.PERSON, "Amina El Idrissi", 67, false, Set.of(Victim.Vulnerability.ELDERLY), "MA",
                "amina.elidrissi@example.ma", "+212612345678");
    }

    static FinancialTransaction aWireTo(String iban, String amount) {
        return new FinancialTransaction(FinancialTransaction.Method.BANK_TRANSFER, new Money(new BigDecimal(amount), "EUR"),
                Instant.parse("2026-11-18T10:02:00Z"),
                new PaymentParty("MA64011519000001205000534921", null, null, null, null, null, "MA"),
                new PaymentParty(iban, "BNPAFRPP", null, null, "Bluecoast Ltd", null, "FR"),
                "eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70", FinancialTransaction.Status.COMPLETED);
    }
}
