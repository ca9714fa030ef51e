package org.cyberreport.cooperation.escalation;

import java.time.Instant;

import org.cyberreport.cooperation.request.desk.RequestRetention;
import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Where triage's relay says that a case was erased at the end of its report's retention: the requests
 * made about it go too, each leaving its erasure record and audit record. Only triage's own service
 * account may say so (another service's account holds the same role); never routed by the gateway;
 * idempotent.
 */
@RestController
@Hidden
class CaseErasureEndpoint {

    static final String TRIAGE = "service-account-triage-service";

    private final RequestRetention retention;

    CaseErasureEndpoint(RequestRetention retention) {
        this.retention = retention;
    }

    @PostMapping(path = "/internal/case-erasures", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Erased receive(Caller service, @RequestBody ErasedCase erased) {
        if (!TRIAGE.equals(service.username())) {
            throw new ProblemException(ProblemKind.FORBIDDEN, "Only triage erases cases");
        }
        if (erased.caseId() == null || erased.caseId().isBlank() || erased.country() == null || erased.country().isBlank()
                || erased.caseId().length() > 100 || erased.country().length() > 3) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, "A case erasure needs caseId and country");
        }
        int count = retention.eraseCase(erased.country(), erased.caseId());
        if (retention.holdsCase(erased.country(), erased.caseId())) {
            // some could not go this time: the hand-off is retried until all are gone
            throw new ProblemException(ProblemKind.SERVICE_UNAVAILABLE, "Some requests about the case could not be erased yet");
        }
        return new Erased(erased.caseId(), count);
    }

    record ErasedCase(String caseId, String caseReference, String country, Instant erasedAt) {
    }

    record Erased(String caseId, int requestsErased) {
    }
}
