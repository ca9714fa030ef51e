package org.cyberreport.cooperation.evidence;

import org.cyberreport.kit.client.ServiceTokens;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** Intake's evidence files, asked with cooperation's own token behind the {@code intake} breaker. */
class IntakeFiles {

    private final RestClient intake;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;

    IntakeFiles(RestClient intake, ServiceTokens tokens, CircuitBreaker breaker) {
        this.intake = intake;
        this.tokens = tokens;
        this.breaker = breaker;
    }

    record FileDescription(String id, String reportId, String name, String mediaType, long size, String sha256) {
    }

    record Disclosure(String requestId, String requestType, String requestingCountry, String destinationCountry,
                      String recipient, String permission) {
    }

    /** Receives the bytes of a file with the headers intake sent. */
    @FunctionalInterface
    interface Sink {
        void accept(org.springframework.http.HttpHeaders headers, java.io.InputStream body) throws java.io.IOException;
    }

    FileDescription describe(String reportId, String fileId) {
        return call(() -> intake.get().uri("/internal/reports/{reportId}/files/{fileId}", reportId, fileId)
                .header("Authorization", "Bearer " + tokens.token()).retrieve().body(FileDescription.class), fileId);
    }

    /** Intake writes the disclosure into the file's chain of custody, then sends the bytes. */
    void disclose(String reportId, String fileId, Disclosure disclosure, Sink sink) {
        call(() -> intake.post().uri("/internal/reports/{reportId}/files/{fileId}/disclosures", reportId, fileId)
                .header("Authorization", "Bearer " + tokens.token()).contentType(MediaType.APPLICATION_JSON)
                .body(disclosure).exchange((request, response) -> {
                    if (response.getStatusCode().value() == 404) {
                        throw ProblemException.notFound("No file " + fileId);
                    }
                    if (response.getStatusCode().value() == 409) {
                        throw new ProblemException(ProblemKind.STATE_CONFLICT, "The report is now marked TLP:RED or H2: "
                                + "its files do not go abroad without the owner's recorded permission");
                    }
                    if (response.getStatusCode().isError()) {
                        throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "The file cannot be read now");
                    }
                    sink.accept(response.getHeaders(), response.getBody());
                    return null;
                }), fileId);
    }

    private <T> T call(java.util.function.Supplier<T> call, String fileId) {
        try {
            return breaker.executeSupplier(call);
        } catch (HttpClientErrorException.NotFound missing) {
            throw ProblemException.notFound("No file " + fileId);
        } catch (CallNotPermittedException | RestClientException unavailable) {
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "Intake cannot be reached to read the file now");
        }
    }
}
