package org.cyberreport.triage.hitcheck;

import java.util.List;

import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.JsonNode;

/**
 * The asking side's way out: the blinded identifiers go to cooperation (triage's own token), which signs
 * them to the partner's platform and brings its answer back. Behind its own breaker, so that a partner
 * failing does not hold the escalations back.
 */
class PartnerPlatforms {

    static final String PATH = "/internal/hitchecks/{partner}";

    private final RestClient cooperation;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;

    PartnerPlatforms(RestClient cooperation, ServiceTokens tokens, CircuitBreaker breaker) {
        this.cooperation = cooperation;
        this.tokens = tokens;
        this.breaker = breaker;
    }

    record Query(List<String> blinded) {
    }

    record Reply(List<String> evaluated, List<HitTable.Entry> entries) {
    }

    Reply ask(String partner, List<String> blinded) {
        try {
            return breaker.executeSupplier(() -> cooperation.post().uri(PATH, partner)
                    .header("Authorization", "Bearer " + tokens.token())
                    .contentType(MediaType.APPLICATION_JSON).body(new Query(blinded))
                    .retrieve().body(Reply.class));
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden between) {
            // this platform's own services refusing each other is not the officer's doing
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE,
                    "The partner's platform could not be asked now; nothing was sent or learned");
        } catch (HttpClientErrorException refused) {
            // cooperation's own verdict (partner not switched on, rate limited, refused by the partner)
            JsonNode problem = refused.getResponseBodyAs(JsonNode.class);
            String detail = problem == null ? refused.getStatusText() : problem.path("detail").asString(refused.getStatusText());
            throw new ProblemException(ProblemKind.forStatus(refused.getStatusCode().value()), detail);
        } catch (CallNotPermittedException | RestClientException unavailable) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE,
                    "The partner's platform could not be asked now; nothing was sent or learned");
        }
    }
}
