package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.cyberreport.console.api.Gateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The completion of a request abroad through the API client: the request read, its content sent back intact. */
class TriageApiTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway.test");
    private final MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final TriageApi api = new TriageApi(new Gateway(builder.build(), CircuitBreaker.ofDefaults("gateway"), json), json);

    @Test
    void aDraftsContentGoesBackAsReadWithItsDecimalsAndTheSubmissionWrapsIt() {
        // 18 decimals, which a double would round, and a trailing zero, which a double would drop
        String content = "{\"amount\":{\"amount\":1500.500000000000000001,\"currency\":\"EUR\"},\"other\":{\"rate\":2.50},"
                + "\"valueDate\":\"2026-11-30T09:30:00Z\",\"questions\":[\"Who?\"]}";
        server.expect(requestTo("http://gateway.test/api/cooperation/requests/q-1")).andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("{\"id\":\"q-1\",\"caseReference\":\"MA-2026-000001\",\"destinationCountry\":\"FR\","
                        + "\"type\":\"PAYMENT_STOP\",\"urgent\":true,\"status\":\"DRAFT\",\"missing\":[\"transactionReference\"],"
                        + "\"history\":[],\"content\":" + content + "}", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://gateway.test/api/cooperation/requests/q-1/submission")).andExpect(method(HttpMethod.POST))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(request -> assertThat(((MockClientHttpRequest) request).getBodyAsString())
                        .isEqualTo("{\"content\":" + content + "}"))
                .andRespond(withSuccess("{\"id\":\"q-1\",\"status\":\"SENT\"}", MediaType.APPLICATION_JSON));

        CaseViews.Request draft = api.request("q-1");
        api.submit("q-1", (ObjectNode) draft.content());

        assertThat(draft.draft()).isTrue();
        assertThat(draft.missing()).containsExactly("transactionReference");
        server.verify();
    }
}
