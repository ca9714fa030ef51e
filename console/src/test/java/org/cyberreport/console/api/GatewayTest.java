package org.cyberreport.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API client's PUT, which the liaison directory's change uses: the body as JSON, a refusal as a problem. */
class GatewayTest {

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway.test");
    private final MockRestServiceServer api = MockRestServiceServer.bindTo(builder).build();
    private final Gateway gateway = new Gateway(builder.build(), CircuitBreaker.ofDefaults("gateway"), JsonMapper.builder().build());

    @Test
    void aPutSendsItsBodyAsJson() {
        api.expect(requestTo("http://gateway.test/api/cooperation/directory/FR")).andExpect(method(HttpMethod.PUT))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("{\"delivery\":\"INBOX\",\"contact\":{\"office\":\"OCLCTIC\"}}", true))
                .andRespond(withSuccess("{\"country\":\"FR\"}", MediaType.APPLICATION_JSON));

        JsonNode answer = gateway.put(uri -> uri.path("/api/cooperation/directory/{country}").build("FR"),
                Map.of("delivery", "INBOX", "contact", Map.of("office", "OCLCTIC")), JsonNode.class);

        assertThat(answer.get("country").asString()).isEqualTo("FR");
        api.verify();
    }

    @Test
    void aRefusedPutBecomesAProblemNamingItsFields() {
        api.expect(requestTo("http://gateway.test/api/cooperation/directory/FR")).andRespond(withStatus(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body("{\"status\":400,\"type\":\"urn:cyberreport:problem:validation-failed\",\"errors\":[{\"field\":\"endpoint\",\"message\":\"only https is allowed\"}]}"));

        ApiProblemException refused = catchThrowableOfType(ApiProblemException.class,
                () -> gateway.put(uri -> uri.path("/api/cooperation/directory/{country}").build("FR"), Map.of(), JsonNode.class));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problem().errors()).containsExactly(new ApiProblem.FieldProblem("endpoint", "only https is allowed"));
    }

    @Test
    void anUnavailableApiIsNotARefusal() {
        api.expect(requestTo("http://gateway.test/api/cooperation/directory/FR")).andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));

        Throwable failed = catchThrowableOfType(ApiUnavailableException.class,
                () -> gateway.put(uri -> uri.path("/api/cooperation/directory/{country}").build("FR"), Map.of(), JsonNode.class));

        assertThat(failed).hasMessageContaining("503");
    }
}
