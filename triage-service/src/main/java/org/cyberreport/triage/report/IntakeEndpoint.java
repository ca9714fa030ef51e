package org.cyberreport.triage.report;

import org.cyberreport.kit.problem.ProblemException;
import org.cyberreport.kit.problem.ProblemKind;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.triage.casework.desk.CaseErasure;
import org.cyberreport.triage.casework.desk.CaseIntake;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where intake delivers report versions: service callers only (role {@code service}), never routed by
 * the gateway. It reads as a tolerant reader: what triage does not know of a report is kept in the
 * content for officers to read, and ignored by triage's own model.
 */
@RestController
@Hidden
class IntakeEndpoint {

    static final String INTAKE = "service-account-intake-service";

    private final CaseIntake intake;
    private final CaseErasure erasure;
    private final JsonMapper tolerant;

    IntakeEndpoint(CaseIntake intake, CaseErasure erasure, JsonMapper json) {
        this.intake = intake;
        this.erasure = erasure;
        this.tolerant = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @PostMapping(path = "/internal/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CaseIntake.Received receive(Caller caller, @RequestBody String body) {
        ReportHandoff report;
        String content;
        try {
            JsonNode tree = tolerant.readTree(body);
            report = tolerant.treeToValue(tree, ReportHandoff.class);
            content = tolerant.writeValueAsString(tree.path("content"));
        } catch (JacksonException unreadable) {
            throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "The report hand-off could not be read");
        }
        if ("ERASED".equals(report.status())) {
            // intake erased the report at the end of its retention: the case and what came of it go too. Only
            // intake's own service account may say so (another service's account holds the same role).
            if (!INTAKE.equals(caller.username())) {
                throw new ProblemException(ProblemKind.FORBIDDEN, "Only intake erases reports");
            }
            if (report.reportId() == null || report.version() < 1) {
                throw new ProblemException(ProblemKind.VALIDATION_FAILED, "An erasure needs reportId and version");
            }
            return new CaseIntake.Received(report.reportId(), report.version(),
                    erasure.erase(report.reportId(), report.reference(), report.country(), report.version()));
        }
        if (report.reportId() == null || report.reference() == null || report.country() == null || report.version() < 1
                || report.content() == null || report.receivedAt() == null) {
            throw new ProblemException(ProblemKind.VALIDATION_FAILED, "A report hand-off needs reportId, reference, "
                    + "country, version, receivedAt and content");
        }
        return intake.receive(report, content);
    }
}
