package org.cyberreport.cooperation.hitcheck;

import java.util.List;

import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** This platform's triage, which holds the OPRF key and the table: asked with cooperation's own token. */
class HolderTriage {

    private final RestClient triage;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;

    HolderTriage(RestClient triage, ServiceTokens tokens, CircuitBreaker breaker) {
        this.triage = triage;
        this.tokens = tokens;
        this.breaker = breaker;
    }

    record Blinded(List<String> blinded) {
    }

    record Entry(String tag, String sealed) {
    }

    record Evaluation(List<String> evaluated, List<Entry> entries) {
    }

    Evaluation evaluate(List<String> blinded) {
        try {
            return breaker.executeSupplier(() -> triage.post().uri("/internal/hitcheck/evaluations")
                    .header("Authorization", "Bearer " + tokens.token())
                    .contentType(MediaType.APPLICATION_JSON).body(new Blinded(blinded))
                    .retrieve().body(Evaluation.class));
        } catch (org.springframework.web.client.HttpClientErrorException.UnprocessableContent notPoints) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "A blinded identifier is not a point of P-256");
        } catch (CallNotPermittedException | RestClientException unavailable) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "Hit/no-hit cannot be answered now");
        }
    }
}
