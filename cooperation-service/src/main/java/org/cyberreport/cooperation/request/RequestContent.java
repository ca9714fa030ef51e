package org.cyberreport.cooperation.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a request states. One shape for all types; {@link Completeness} checks what each type
 * requires, and {@link #minimisedFor} strips what the destination does not need.
 */
public record RequestContent(
        String requestingAuthority, String offence, String summaryOfFacts, String dataToPreserve, String linkToOffence,
        String custodianOrLocation, String necessity, Boolean mutualLegalAssistanceToFollow,
        List<String> questions, String purpose,
        String proceedingsSubject, String proceedingsNature, String assistanceSought, List<Person> persons,
        String paymentRail, String victimBank, String beneficiaryBank, String beneficiaryAccount, Amount amount,
        Instant valueDate, String transactionReference,
        String personOfInterest, Set<String> measures, List<String> assetTypes, List<String> knownAssets,
        List<Victim> victims) {

    public RequestContent {
        questions = questions == null ? List.of() : List.copyOf(questions);
        persons = persons == null ? List.of() : List.copyOf(persons);
        measures = measures == null ? Set.of() : Set.copyOf(measures);
        assetTypes = assetTypes == null ? List.of() : List.copyOf(assetTypes);
        knownAssets = knownAssets == null ? List.of() : List.copyOf(knownAssets);
        victims = victims == null ? List.of() : List.copyOf(victims);
    }

    public record Person(String name, String location, String nationality) {
    }

    public record Amount(BigDecimal amount, String currency) {
    }

    /** Victim personal data: leaves the country only with the request types that need it. */
    public record Victim(String name, String role, String contact) {
    }

    /** The content as it may be sent to a destination: without victim data unless the type needs it. */
    public RequestContent minimisedFor(RequestType type) {
        if (type.needsVictimData()) {
            return this;
        }
        return new RequestContent(requestingAuthority, offence, summaryOfFacts, dataToPreserve, linkToOffence,
                custodianOrLocation, necessity, mutualLegalAssistanceToFollow, questions, purpose, proceedingsSubject,
                proceedingsNature, assistanceSought, persons, paymentRail, victimBank, beneficiaryBank,
                beneficiaryAccount, amount, valueDate, transactionReference, personOfInterest, measures, assetTypes,
                knownAssets, List.of());
    }
}
