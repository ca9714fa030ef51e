package org.cyberreport.intake.report.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.cyberreport.intake.report.Actor;
import org.cyberreport.intake.report.Idempotency;
import org.cyberreport.intake.report.Report;
import org.cyberreport.intake.report.ReportContent;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message intake sends to triage is exactly the shape of {@code docs/contracts/report-handoff.json},
 * the example that triage's tests read with triage's own copy of the message.
 */
class ReportHandoffContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Test
    void theHandoffMessageMatchesTheSharedContract() throws Exception {
        Instant received = Instant.parse("2026-11-20T10:30:00Z");
        ReportContent content = JSON.readValue(Files.readString(Path.of("..", "docs", "examples", "online-fraud.json")),
                ReportContent.class);
        Report report = Report.file("0b7c6a0e-4f1e-4c51-9d3a-5b8f0e2a7c11", "MA-2026-000042", "MA", "MA-CASABLANCA-CYBER",
                new Actor("subject", "reporter.ma"), content, new Idempotency("subject", "key-00000001", "d"), received);

        String sent = JSON.writeValueAsString(ReportHandoffMessage.of(report));

        assertThat(JSON.readTree(sent)).isEqualTo(JSON.readTree(Files.readString(Path.of("..", "docs", "contracts",
                "report-handoff.json"))));
    }
}
