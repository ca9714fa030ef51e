package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.desk.Rescoring;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Time alone changes a priority: an extortion deadline comes within the window, and the case moves up. */
class RescoringIT extends TriageIT {

    /** triage.priority.ongoing-harm.deadline-window in application.yml. */
    private static final Duration DEADLINE_WINDOW = Duration.ofHours(48);

    @Autowired
    Rescoring rescoring;

    @Autowired
    CaseStore cases;

    @Test
    void aCaseIsRescoredWhenItsExtortionDeadlineComesNear() {
        Instant deadline = Instant.now().plus(DEADLINE_WINDOW).plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        deliver(Fixtures.aHandoff("deadline", 1, "MA", extortionUntil(deadline, false)));
        deliver(Fixtures.aHandoff("paid", 1, "MA", extortionUntil(deadline, true)));
        JsonNode before = http.get("/api/triage/cases/deadline", TRIAGE_MA).json();
        assertThat(factors(before)).doesNotContain("DEADLINE_NEAR");
        assertThat(cases.find("deadline").orElseThrow().priority().rescoreAt()).isEqualTo(deadline.minus(DEADLINE_WINDOW));
        assertThat(cases.find("paid").orElseThrow().priority().rescoreAt()).as("a paid demand has no deadline").isNull();
        var withdrawn = Fixtures.aHandoff("withdrawn", 1, "MA", extortionUntil(deadline, false));
        deliver(withdrawn);
        deliver(version(withdrawn, 2, "WITHDRAWN", extortionUntil(deadline, false)));
        assertThat(cases.find("withdrawn").orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(cases.find("withdrawn").orElseThrow().priority().rescoreAt()).as("a closed case is left alone").isNull();
        assertThat(rescoring.rescoreDue()).as("nothing is due yet").isZero();

        // A case that cannot be read comes first in line; it must not hold back the others.
        mongo.insert(new Document("_id", "unreadable").append("status", "NEW").append("facts", "not a report")
                .append("priority", new Document("rescoreAt", Date.from(Instant.EPOCH))), "cases");

        // The deadline comes within the window a few seconds from now; the pass that first finds a case due
        // finds exactly that one.
        int rescored = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(rescoring::rescoreDue, count -> count > 0);
        assertThat(rescored).isEqualTo(1);

        JsonNode after = http.get("/api/triage/cases/deadline", TRIAGE_MA).json();
        assertThat(factors(after)).contains("DEADLINE_NEAR");
        assertThat(after.get("priority").get("score").asInt()).isGreaterThan(before.get("priority").get("score").asInt());
        assertThat(scorings(after)).as("the re-score is in the history").isEqualTo(scorings(before) + 1);
        assertThat(cases.find("deadline").orElseThrow().priority().rescoreAt()).as("next: the deadline passing")
                .isEqualTo(deadline);
        assertThat(rescoring.rescoreDue()).as("done once").isZero();
    }

    private static long scorings(JsonNode view) {
        return view.get("history").findValuesAsString("action").stream().filter("SCORED"::equals).count();
    }

    private static List<String> factors(JsonNode view) {
        return view.get("priority").get("breakdown").findValuesAsString("factor");
    }

    private static ReportFacts extortionUntil(Instant deadline, boolean paid) {
        return new ReportFacts("EXTORTION", "MA", Instant.now().minus(Duration.ofDays(1)), Instant.now(),
                List.of(Fixtures.anAdult()), List.of(), List.of(), null, null, null,
                new ReportFacts.Extortion("DDOS_THREAT", null, deadline, paid, null, null, null), null, null);
    }
}
