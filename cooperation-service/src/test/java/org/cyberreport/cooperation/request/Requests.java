package org.cyberreport.cooperation.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Named fixtures: complete content for each request type. */
public final class Requests {

    public static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private Requests() {
    }

    public static RequestContent empty() {
        return new RequestContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RequestContent aPaymentStop() {
        return new RequestContent("INTERPOL NCB Rabat", "Investment fraud", "Victim wired savings to a fake platform",
                null, null, null, null, null, null, "Stop and recall the payment", null, null, null, null,
                "SEPA_INSTANT", "Attijariwafa Bank", "BNP Paribas", "FR7630006000011234567890189",
                new RequestContent.Amount(new BigDecimal("4500.00"), "EUR"), NOW.minusSeconds(7_200),
                "eb3e7d3c-1b9a-4d6f-9a3f-2c6e5b1d8f70", null, null, null, null,
                List.of(new RequestContent.Victim("Amina El Idrissi", "account holder", "+212612345678")));
    }

    public static RequestContent aPreservation() {
        return new RequestContent("INTERPOL NCB Rabat", "Sextortion of a minor", "Threats sent from a webmail account",
                "Account data and logs of sara_x_2009@mail.example", "The account sent the threats",
                "Mail Example SAS, Paris", "The provider deletes logs after 30 days", true, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(new RequestContent.Victim("Youssef A.", "victim", null)));
    }

    public static RequestContent anInformationRequest() {
        return new RequestContent(null, "Phishing", null, null, null, null, null, null,
                List.of("Who holds the domain bluecoast-invest.com?"), "Identify the operators", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null,
                List.of(new RequestContent.Victim("Amina El Idrissi", "victim", "+212612345678")));
    }

    public static RequestContent anAssetTracing() {
        return new RequestContent(null, "Money laundering of fraud proceeds", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, "John Doe (born 1980)",
                Set.of("LOCATE", "IDENTIFY"), List.of("real estate", "vehicles"), List.of("Villa in Marbella"), List.of());
    }

    public static RequestContent aMutualLegalAssistance() {
        return new RequestContent("Tribunal de première instance de Casablanca", null, "Facts of the case", null, null,
                null, null, null, null, "Prosecution", "Fraud proceedings against X", "Criminal investigation",
                "Hearing of a witness", List.of(new RequestContent.Person("Jean Dupont", "Lyon", "FR")),
                null, null, null, null, null, null, null, null, null, null, null,
                List.of(new RequestContent.Victim("Amina El Idrissi", "victim", null)));
    }

    public static CooperationRequest draft(RequestType type, RequestContent content, boolean urgent, HandlingMarks marks) {
        return CooperationRequest.draft("r-1", "DRAFTED", null, "MA-2026-000001", "MA", "FR", type, null, urgent,
                urgent ? "Money is moving" : null, marks, content, "triage.ma", NOW);
    }

    public static HandlingMarks amber() {
        return new HandlingMarks("AMBER", Set.of("H0"), null);
    }
}
