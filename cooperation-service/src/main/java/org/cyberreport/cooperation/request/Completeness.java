package org.cyberreport.cooperation.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Names every item a request of a given type must state and does not. */
public final class Completeness {

    private static final Set<String> MEASURES = Set.of("LOCATE", "IDENTIFY", "OBTAIN_INFORMATION", "MONITOR");

    private Completeness() {
    }

    public static List<String> missing(RequestType type, RequestContent content, boolean urgent, String urgencyReason) {
        List<String> missing = new ArrayList<>();
        for (String item : type.required()) {
            if (absent(value(content, item))) {
                missing.add(item);
            }
        }
        if (type == RequestType.PRESERVATION && Boolean.FALSE.equals(content.mutualLegalAssistanceToFollow())) {
            missing.add("mutualLegalAssistanceToFollow");
        }
        if (type == RequestType.ASSET_TRACING && !MEASURES.containsAll(content.measures())) {
            missing.add("measures");
        }
        if (type == RequestType.MUTUAL_LEGAL_ASSISTANCE && content.persons().stream()
                .anyMatch(p -> absent(p.name()) || absent(p.location()) || absent(p.nationality()))) {
            missing.add("persons (identity, location and nationality of each)");
        }
        if (urgent && type == RequestType.INFORMATION_REQUEST && absent(urgencyReason)) {
            missing.add("urgencyReason");
        }
        return missing;
    }

    private static Object value(RequestContent content, String item) {
        return switch (item) {
            case "requestingAuthority" -> content.requestingAuthority();
            case "offence" -> content.offence();
            case "summaryOfFacts" -> content.summaryOfFacts();
            case "dataToPreserve" -> content.dataToPreserve();
            case "linkToOffence" -> content.linkToOffence();
            case "custodianOrLocation" -> content.custodianOrLocation();
            case "necessity" -> content.necessity();
            case "mutualLegalAssistanceToFollow" -> content.mutualLegalAssistanceToFollow();
            case "questions" -> content.questions();
            case "purpose" -> content.purpose();
            case "proceedingsSubject" -> content.proceedingsSubject();
            case "proceedingsNature" -> content.proceedingsNature();
            case "assistanceSought" -> content.assistanceSought();
            case "persons" -> content.persons();
            case "paymentRail" -> content.paymentRail();
            case "victimBank" -> content.victimBank();
            case "beneficiaryBank" -> content.beneficiaryBank();
            case "beneficiaryAccount" -> content.beneficiaryAccount();
            case "amount" -> content.amount() == null || content.amount().amount() == null ? null : content.amount();
            case "valueDate" -> content.valueDate();
            case "transactionReference" -> content.transactionReference();
            case "personOfInterest" -> content.personOfInterest();
            case "measures" -> content.measures();
            case "assetTypes" -> content.assetTypes();
            default -> throw new IllegalArgumentException(item);
        };
    }

    private static boolean absent(Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> items && items.isEmpty();
    }
}
