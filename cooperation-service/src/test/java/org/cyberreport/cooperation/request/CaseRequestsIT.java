package org.cyberreport.cooperation.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyberreport.cooperation.support.CooperationIT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** A case shows the requests sent abroad about it, each with its state and, once given, its answer. */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class CaseRequestsIT extends CooperationIT {

    @Test
    void theRequestsAboutACaseWithTheirStatesAndAnswers() {
        escalate("esc-c7-fr", "c-7", "FR");
        escalate("esc-c7-es", "c-7", "ES");
        escalate("esc-c8-fr", "c-8", "FR");
        http.post("/api/cooperation/requests/esc-c7-fr/acknowledgement", LIAISON_FR, "");
        http.post("/api/cooperation/requests/esc-c7-fr/answer", LIAISON_FR,
                "{\"text\":\"The funds were stopped at BNP Paribas.\",\"evidence\":[]}");

        JsonNode requests = http.get("/api/cooperation/requests?caseId=c-7", TRIAGE_MA).json();

        assertThat(requests).hasSize(2);
        JsonNode french = requests.get(0).get("destinationCountry").asString().equals("FR") ? requests.get(0) : requests.get(1);
        JsonNode spanish = french == requests.get(0) ? requests.get(1) : requests.get(0);
        assertThat(french.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(french.get("answer").get("text").asString()).isEqualTo("The funds were stopped at BNP Paribas.");
        assertThat(spanish.get("status").asString()).isEqualTo("SENT");
        assertThat(spanish.path("answer").isMissingNode() || spanish.get("answer").isNull()).isTrue();
        assertThat(http.get("/api/cooperation/requests?caseId=c-7", TRIAGE_FR).json()).as("another country's case").isEmpty();
        assertThat(http.get("/api/cooperation/requests?caseId=c-7", LIAISON_FR).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/requests?caseId=c%207%3B", TRIAGE_MA).status()).isEqualTo(400);
    }
}
