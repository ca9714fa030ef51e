package org.cyberreport.cooperation.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.cyberreport.kit.web.Identifier;
import org.cyberreport.kit.web.WithinDaysOfNow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a request states. One shape for all types; {@link Completeness} checks what each type
 * requires, and {@link #minimisedFor} strips what the destination does not need.
 */
public record RequestContent(
        @Size(max = 200) String requestingAuthority, @Size(max = 500) String offence,
        @Size(max = 20_000) String summaryOfFacts, @Size(max = 4000) String dataToPreserve,
        @Size(max = 4000) String linkToOffence, @Size(max = 1000) String custodianOrLocation,
        @Size(max = 4000) String necessity, Boolean mutualLegalAssistanceToFollow,
        // An information request asks a few precise questions; fifty is far beyond any real one.
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> questions, @Size(max = 2000) String purpose,
        @Size(max = 2000) String proceedingsSubject, @Size(max = 2000) String proceedingsNature,
        @Size(max = 4000) String assistanceSought, @Size(max = 50) List<@NotNull @Valid Person> persons,
        @Size(max = 40) @Identifier String paymentRail, @Size(max = 200) String victimBank,
        @Size(max = 200) String beneficiaryBank, @Size(max = 128) @Identifier String beneficiaryAccount,
        @Valid Amount amount,
        // A payment stop is about a payment of the last months, or one scheduled shortly.
        @WithinDaysOfNow(past = 366, future = 31) Instant valueDate,
        @Size(max = 128) @Identifier String transactionReference,
        @Size(max = 500) String personOfInterest, @Size(max = 10) Set<@NotBlank @Size(max = 40) String> measures,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> assetTypes,
        @Size(max = 100) List<@NotBlank @Size(max = 1000) String> knownAssets,
        @Size(max = 50) List<@NotNull @Valid Victim> victims) {

    public RequestContent {
        questions = questions == null ? List.of() : List.copyOf(questions);
        persons = persons == null ? List.of() : List.copyOf(persons);
        measures = measures == null ? Set.of() : Set.copyOf(measures);
        assetTypes = assetTypes == null ? List.of() : List.copyOf(assetTypes);
        knownAssets = knownAssets == null ? List.of() : List.copyOf(knownAssets);
        victims = victims == null ? List.of() : List.copyOf(victims);
    }

    public record Person(@Size(max = 200) String name, @Size(max = 200) String location,
                         @Size(max = 100) String nationality) {
    }

    public record Amount(@DecimalMin("0") @Digits(integer = 15, fraction = 18) BigDecimal amount,
                         @Size(max = 12) @Identifier String currency) {
    }

    /** Victim personal data: leaves the country only with the request types that need it. */
    public record Victim(@Size(max = 200) String name, @Size(max = 100) String role, @Size(max = 254) String contact) {
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
