package org.cyberreport.cooperation.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.cyberreport.cooperation.request.HandlingMarks;
import org.cyberreport.cooperation.request.RequestStatus;
import org.cyberreport.cooperation.request.RequestType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileTravelTest {

    private static final HandlingMarks AMBER = new HandlingMarks("AMBER", Set.of("H0"), null);

    @ParameterizedTest
    @EnumSource(RequestType.class)
    void onlyAMutualLegalAssistanceRequestOrAPaymentStopCarriesAFile(RequestType type) {
        boolean carries = type == RequestType.MUTUAL_LEGAL_ASSISTANCE || type == RequestType.PAYMENT_STOP;

        assertThat(FileTravel.refusalToAttach(type, AMBER, RequestStatus.SENT, "case-1").isEmpty()).isEqualTo(carries);
        assertThat(FileTravel.readableByDestination(type, AMBER, RequestStatus.SENT)).isEqualTo(carries);
    }

    @Test
    void tlpRedOrH2WithoutTheOwnersPermissionLetsNoFileGo() {
        HandlingMarks red = new HandlingMarks("RED", Set.of(), null);
        HandlingMarks h2 = new HandlingMarks("GREEN", Set.of("H2"), null);
        HandlingMarks permitted = new HandlingMarks("RED", Set.of(), "NCB Rabat, message 2026/118");

        assertThat(FileTravel.refusalToAttach(RequestType.MUTUAL_LEGAL_ASSISTANCE, red, RequestStatus.DRAFT, "c"))
                .hasValueSatisfying(why -> assertThat(why).contains("TLP:RED"));
        assertThat(FileTravel.refusalToAttach(RequestType.MUTUAL_LEGAL_ASSISTANCE, h2, RequestStatus.DRAFT, "c"))
                .hasValueSatisfying(why -> assertThat(why).contains("H2"));
        assertThat(FileTravel.readableByDestination(RequestType.PAYMENT_STOP, red, RequestStatus.SENT)).isFalse();
        assertThat(FileTravel.refusalToAttach(RequestType.MUTUAL_LEGAL_ASSISTANCE, permitted, RequestStatus.DRAFT, "c")).isEmpty();
        assertThat(FileTravel.readableByDestination(RequestType.PAYMENT_STOP, permitted, RequestStatus.SENT)).isTrue();
    }

    @Test
    void aRequestWithoutACaseOrClosedCarriesNothingMoreAndAClosedOneGivesNothing() {
        assertThat(FileTravel.refusalToAttach(RequestType.PAYMENT_STOP, AMBER, RequestStatus.SENT, null)).isPresent();
        for (RequestStatus closed : new RequestStatus[] {RequestStatus.ANSWERED, RequestStatus.REFUSED, RequestStatus.EXPIRED,
                RequestStatus.WITHDRAWN}) {
            assertThat(FileTravel.refusalToAttach(RequestType.PAYMENT_STOP, AMBER, closed, "c")).as(closed.name()).isPresent();
        }
        assertThat(FileTravel.readableByDestination(RequestType.PAYMENT_STOP, AMBER, RequestStatus.ANSWERED)).isTrue();
        for (RequestStatus notNow : new RequestStatus[] {RequestStatus.DRAFT, RequestStatus.REFUSED, RequestStatus.EXPIRED,
                RequestStatus.WITHDRAWN}) {
            assertThat(FileTravel.readableByDestination(RequestType.PAYMENT_STOP, AMBER, notNow)).as(notNow.name()).isFalse();
        }
    }
}
