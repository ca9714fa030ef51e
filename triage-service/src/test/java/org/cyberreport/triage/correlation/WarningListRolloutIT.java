package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.desk.CaseUpdates;
import org.cyberreport.triage.casework.desk.Scoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A deployment replaces its warning lists: at the next start the stored cases follow, with the lists'
 * versions in their history; the clusters that only a newly listed identifier held together split, and
 * they join again when the list no longer names it.
 */
class WarningListRolloutIT extends TriageIT {

    @Autowired
    WarningListRollout running;

    @Autowired
    CaseUpdates updates;

    @Autowired
    Scoring scoring;

    @Autowired
    Correlator correlator;

    @Autowired
    ClusterRebuild rebuild;

    @Autowired
    IndicatorStore indicatorStore;

    @Autowired
    CaseStore cases;

    @Test
    void casesFollowTheListsTheDeploymentRunsWith(@TempDir Path directory) throws IOException {
        running.apply();
        for (int i = 1; i <= 3; i++) {
            deliver(Fixtures.aHandoff("hosted-" + i, 1, "MA", naming("https://portal.hosting-shared.net/u/" + i)));
        }
        assertThat(http.get("/api/triage/cases/hosted-3", TRIAGE_MA).json().get("cluster").get("cases").asInt())
                .as("the registrable domain links them").isEqualTo(3);

        Files.writeString(directory.resolve("hosting.json"), """
                {"name": "Shared hosting", "version": 7, "type": "hostname", "matching_attributes": ["domain"],
                 "list": ["hosting-shared.net"]}
                """);
        WarningListRollout replaced = rollout(new Indicators(WarningLists.load(directory)));
        WarningListRollout.Outcome outcome = replaced.apply();

        assertThat(outcome.needed()).isTrue();
        assertThat(outcome.casesChanged()).isEqualTo(3);
        for (int i = 1; i <= 3; i++) {
            JsonNode view = http.get("/api/triage/cases/hosted-" + i, TRIAGE_MA).json();
            assertThat(view.get("links")).isEmpty();
            assertThat(view.path("cluster").path("cases").asInt(1)).isEqualTo(1);
            assertThat(view.get("setAside").findValuesAsString("identifier")).containsExactly("domain:hosting-shared.net");
            assertThat(view.get("setAside").findValuesAsString("listVersion")).containsExactly("7");
            JsonNode applied = last(view.get("history"), "WARNING_LISTS_APPLIED");
            assertThat(applied.get("details").get("lists").asString()).isEqualTo("hosting@7");
        }
        assertThat(indicatorStore.casesWith("domain:hosting-shared.net")).isEmpty();
        assertThat(replaced.apply().needed()).as("nothing changed since").isFalse();

        WarningListRollout.Outcome back = running.apply();

        assertThat(back.casesChanged()).isEqualTo(3);
        JsonNode rejoined = http.get("/api/triage/cases/hosted-3", TRIAGE_MA).json();
        assertThat(rejoined.get("cluster").get("cases").asInt()).isEqualTo(3);
        assertThat(rejoined.get("setAside")).isEmpty();
        assertThat(last(rejoined.get("history"), "IDENTIFIERS_LINKING_AGAIN").get("details").get("identifiers").asString())
                .isEqualTo("domain:hosting-shared.net");
    }

    private WarningListRollout rollout(Indicators indicators) {
        return new WarningListRollout(mongo, indicators, updates, scoring, correlator, rebuild, indicatorStore, cases);
    }

    private static JsonNode last(JsonNode history, String action) {
        JsonNode found = null;
        for (JsonNode entry : history) {
            if (entry.get("action").asString().equals(action)) {
                found = entry;
            }
        }
        assertThat(found).as(action).isNotNull();
        return found;
    }

    private static ReportFacts naming(String url) {
        ReportFacts plain = Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(),
                new ReportFacts.Amount(new BigDecimal("300"), "EUR"), false);
        return new ReportFacts(plain.category(), plain.jurisdictionCountry(), plain.incidentStartedAt(), plain.discoveredAt(),
                plain.victims(), List.of(new ReportFacts.Subject("URL", url, null, null)), plain.transactions(),
                plain.totalLoss(), plain.handling(), plain.onlineFraud(), null, null, null);
    }
}
