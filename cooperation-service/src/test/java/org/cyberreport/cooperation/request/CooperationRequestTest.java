package org.cyberreport.cooperation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyberreport.cooperation.request.Requests.NOW;
import static org.cyberreport.cooperation.request.Requests.amber;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CooperationRequestTest {

    @Test
    void namesEveryMissingItemOfEachType() {
        assertThat(Completeness.missing(RequestType.PRESERVATION, Requests.empty(), false, null)).containsExactly(
                "requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve", "linkToOffence",
                "custodianOrLocation", "necessity", "mutualLegalAssistanceToFollow");
        assertThat(Completeness.missing(RequestType.INFORMATION_REQUEST, Requests.empty(), true, null))
                .containsExactly("questions", "purpose", "urgencyReason");
        assertThat(Completeness.missing(RequestType.MUTUAL_LEGAL_ASSISTANCE, Requests.empty(), false, null)).containsExactly(
                "requestingAuthority", "proceedingsSubject", "proceedingsNature", "summaryOfFacts", "assistanceSought",
                "persons", "purpose");
        assertThat(Completeness.missing(RequestType.PAYMENT_STOP, Requests.empty(), true, null)).containsExactly(
                "paymentRail", "victimBank", "beneficiaryBank", "beneficiaryAccount", "amount", "valueDate",
                "transactionReference");
        assertThat(Completeness.missing(RequestType.ASSET_TRACING, Requests.empty(), false, null))
                .containsExactly("personOfInterest", "offence", "measures", "assetTypes");
    }

    @Test
    void acceptsCompleteRequestsOfEachType() {
        assertThat(Completeness.missing(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), true, null)).isEmpty();
        assertThat(Completeness.missing(RequestType.PRESERVATION, Requests.aPreservation(), false, null)).isEmpty();
        assertThat(Completeness.missing(RequestType.INFORMATION_REQUEST, Requests.anInformationRequest(), false, null)).isEmpty();
        assertThat(Completeness.missing(RequestType.ASSET_TRACING, Requests.anAssetTracing(), false, null)).isEmpty();
        assertThat(Completeness.missing(RequestType.MUTUAL_LEGAL_ASSISTANCE, Requests.aMutualLegalAssistance(), false, null)).isEmpty();
    }

    @Test
    void aPreservationMustAnnounceTheMutualLegalAssistanceRequest() {
        RequestContent c = Requests.aPreservation();
        RequestContent noMla = new RequestContent(c.requestingAuthority(), c.offence(), c.summaryOfFacts(), c.dataToPreserve(),
                c.linkToOffence(), c.custodianOrLocation(), c.necessity(), false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, c.victims());

        assertThat(Completeness.missing(RequestType.PRESERVATION, noMla, false, null)).containsExactly("mutualLegalAssistanceToFollow");
    }

    @Test
    void anIncompleteDraftCannotBeSent() {
        CooperationRequest draft = Requests.draft(RequestType.PAYMENT_STOP, Requests.empty(), true, amber());

        assertThatThrownBy(() -> draft.send(true, NOW, "triage.ma")).isInstanceOf(IncompleteRequest.class)
                .satisfies(e -> assertThat(((IncompleteRequest) e).items()).hasSize(7));
        assertThat(draft.status()).isEqualTo(RequestStatus.DRAFT);
    }

    @Test
    void setsTheDueTimeByTypeAndUrgency() {
        CooperationRequest payment = Requests.draft(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), false, amber());
        CooperationRequest info = Requests.draft(RequestType.INFORMATION_REQUEST, Requests.anInformationRequest(), false, amber());
        CooperationRequest urgentInfo = Requests.draft(RequestType.INFORMATION_REQUEST, Requests.anInformationRequest(), true, amber());
        CooperationRequest preservation = Requests.draft(RequestType.PRESERVATION, Requests.aPreservation(), false, amber());
        for (CooperationRequest request : new CooperationRequest[] {payment, info, urgentInfo, preservation}) {
            request.send(false, NOW, "triage.ma");
        }

        assertThat(payment.urgent()).as("a payment stop is always urgent").isTrue();
        assertThat(payment.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(info.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(urgentInfo.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(preservation.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    }

    @Test
    void aPreservationRunsAtLeastSixtyDaysIsFlaggedBeforeItLapsesAndThenExpires() {
        CooperationRequest preservation = Requests.draft(RequestType.PRESERVATION, Requests.aPreservation(), false, amber());
        preservation.send(false, NOW, "triage.ma");

        assertThat(Duration.between(NOW, preservation.preservationExpiresAt())).isGreaterThanOrEqualTo(Duration.ofDays(60));
        assertThat(preservation.isPreservationLapsing(NOW.plus(Duration.ofDays(60)))).isFalse();
        assertThat(preservation.isPreservationLapsing(NOW.plus(Duration.ofDays(80)))).isTrue();
        assertThat(preservation.expireIfLapsed(NOW.plus(Duration.ofDays(89)))).isFalse();
        assertThat(preservation.expireIfLapsed(NOW.plus(Duration.ofDays(91)))).isTrue();
        assertThat(preservation.status()).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    void dataMarkedRedOrH2IsNotPassedOnWithoutPermission() {
        CooperationRequest red = Requests.draft(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), true,
                new HandlingMarks("RED", Set.of(), null));
        CooperationRequest h2 = Requests.draft(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), true,
                new HandlingMarks("AMBER", Set.of("H2"), null));
        CooperationRequest permitted = Requests.draft(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), true,
                new HandlingMarks("AMBER", Set.of("H2"), "Permission of the Casablanca unit, ref. 2026/117"));

        assertThat(red.obstacles()).singleElement().asString().startsWith("handling.permission");
        assertThatThrownBy(() -> h2.send(true, NOW, "triage.ma")).isInstanceOf(IncompleteRequest.class);
        permitted.send(true, NOW, "triage.ma");
        assertThat(permitted.status()).isEqualTo(RequestStatus.SENT);
    }

    @Test
    void victimDataLeavesOnlyWithTheTypesThatNeedIt() {
        assertThat(Requests.aPaymentStop().minimisedFor(RequestType.PAYMENT_STOP).victims()).hasSize(1);
        assertThat(Requests.aMutualLegalAssistance().minimisedFor(RequestType.MUTUAL_LEGAL_ASSISTANCE).victims()).hasSize(1);
        assertThat(Requests.aPreservation().minimisedFor(RequestType.PRESERVATION).victims()).isEmpty();
        assertThat(Requests.anInformationRequest().minimisedFor(RequestType.INFORMATION_REQUEST).victims()).isEmpty();
        assertThat(Requests.anAssetTracing().minimisedFor(RequestType.ASSET_TRACING).victims()).isEmpty();
    }

    @Test
    void followsTheLifecycle() {
        CooperationRequest request = Requests.draft(RequestType.INFORMATION_REQUEST, Requests.anInformationRequest(), false, amber());
        request.send(false, NOW, "triage.ma");
        request.acknowledge("liaison.fr", NOW.plusSeconds(60));
        request.answer("The domain is held by a shell company in Lyon", null, "liaison.fr", NOW.plusSeconds(3_600));

        assertThat(request.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThatThrownBy(() -> request.refuse("late", "liaison.fr", NOW)).isInstanceOf(RequestConflict.class);
        assertThatThrownBy(() -> request.withdraw("late", "triage.ma", NOW)).isInstanceOf(RequestConflict.class);
        assertThat(request.history()).extracting(Event::what).containsExactly("DRAFTED", "SENT", "ACKNOWLEDGED", "ANSWERED");
    }

    @Test
    void isOverdueWhenUnansweredPastItsDueTime() {
        CooperationRequest request = Requests.draft(RequestType.PAYMENT_STOP, Requests.aPaymentStop(), true, amber());
        request.send(false, NOW, "triage.ma");

        assertThat(request.isOverdue(NOW.plus(Duration.ofHours(7)))).isFalse();
        assertThat(request.isOverdue(NOW.plus(Duration.ofHours(9)))).isTrue();
    }
}
