package org.cyberreport.cooperation.request;

import java.time.Duration;
import java.util.List;

/**
 * The kinds of cross-border request, each with its default legal basis, what it must state, whether
 * victim personal data may leave the country with it, and its answer time when not urgent.
 */
public enum RequestType {
    PRESERVATION(new LegalBasis("Budapest Convention on Cybercrime", "Art. 29"),
            List.of("requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve", "linkToOffence",
                    "custodianOrLocation", "necessity", "mutualLegalAssistanceToFollow"),
            false, Duration.ofDays(3)),
    INFORMATION_REQUEST(new LegalBasis("Directive (EU) 2023/977", "Art. 4"),
            List.of("questions", "purpose"), false, Duration.ofDays(7)),
    MUTUAL_LEGAL_ASSISTANCE(new LegalBasis("Budapest Convention on Cybercrime", "Art. 27"),
            List.of("requestingAuthority", "proceedingsSubject", "proceedingsNature", "summaryOfFacts",
                    "assistanceSought", "persons", "purpose"),
            true, Duration.ofDays(7)),
    PAYMENT_STOP(new LegalBasis("INTERPOL I-GRIP (Global Rapid Intervention of Payments)", "Rules on the Processing of Data, Art. 10"),
            List.of("paymentRail", "victimBank", "beneficiaryBank", "beneficiaryAccount", "amount", "valueDate",
                    "transactionReference"),
            true, Duration.ofHours(8)),
    ASSET_TRACING(new LegalBasis("INTERPOL Silver Notice (pilot)", "Rules on the Processing of Data, Art. 88"),
            List.of("personOfInterest", "offence", "measures", "assetTypes"), false, Duration.ofDays(7));

    public static final Duration URGENT = Duration.ofHours(8);

    private final LegalBasis defaultBasis;
    private final List<String> required;
    private final boolean needsVictimData;
    private final Duration normalAnswerTime;

    RequestType(LegalBasis defaultBasis, List<String> required, boolean needsVictimData, Duration normalAnswerTime) {
        this.defaultBasis = defaultBasis;
        this.required = required;
        this.needsVictimData = needsVictimData;
        this.normalAnswerTime = normalAnswerTime;
    }

    public LegalBasis defaultBasis() {
        return defaultBasis;
    }

    public List<String> required() {
        return required;
    }

    /** Whether victim personal data is needed for this kind of request (data minimisation). */
    public boolean needsVictimData() {
        return needsVictimData;
    }

    /** PAYMENT_STOP is always urgent: minutes count. */
    public boolean alwaysUrgent() {
        return this == PAYMENT_STOP;
    }

    public Duration answerTime(boolean urgent) {
        return urgent || alwaysUrgent() ? URGENT : normalAnswerTime;
    }
}
