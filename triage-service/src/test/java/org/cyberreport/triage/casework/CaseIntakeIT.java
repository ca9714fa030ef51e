package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

class CaseIntakeIT extends TriageIT {

    @Test
    void theSameReportDeliveredFiveTimesIsOneCase() {
        ReportHandoff report = Fixtures.aHandoff("r-five", 1, "MA", Fixtures.aPlainFraud());

        List<Boolean> applied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Answer answer = deliver(report);
            assertThat(answer.status()).isEqualTo(200);
            applied.add(answer.json().get("applied").asBoolean());
        }

        assertThat(applied).containsExactly(true, false, false, false, false);
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(1);
        JsonNode view = http.get("/api/triage/cases/r-five", TRIAGE_MA).json();
        assertThat(view.get("history").findValuesAsString("action").stream().filter("OPENED"::equals)).hasSize(1);
    }

    @Test
    void fiveConcurrentDeliveriesOfOneReportAreOneCase() throws Exception {
        ReportHandoff report = Fixtures.aHandoff("r-race", 1, "MA", Fixtures.aPlainFraud());
        List<Future<Http.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit((Callable<Http.Answer>) () -> deliver(report)));
            }
            for (Future<Http.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        }
        assertThat(mongo.count(new Query(), "cases")).isEqualTo(1);
    }

    @Test
    void versionsOutOfOrderLeaveTheCaseAtTheNewest() {
        ReportHandoff v1 = Fixtures.aHandoff("r-order", 1, "MA", Fixtures.aPlainFraud());
        ReportHandoff v3 = version(v1, 3, "FILED", Fixtures.aFraud(List.of(Fixtures.anAdult(), Fixtures.anAdult()),
                List.of(), null, true));
        ReportHandoff v2 = version(v1, 2, "FILED", Fixtures.aPlainFraud());

        deliver(v3);
        Http.Answer older = deliver(v1);
        Http.Answer middle = deliver(v2);

        assertThat(older.json().get("applied").asBoolean()).isFalse();
        assertThat(middle.json().get("applied").asBoolean()).isFalse();
        JsonNode view = http.get("/api/triage/cases/r-order", TRIAGE_MA).json();
        assertThat(view.get("reportVersion").asLong()).isEqualTo(3);
        assertThat(view.get("priority").get("breakdown").findValuesAsString("factor")).contains("PAYMENTS_ONGOING");
    }

    @Test
    void aWithdrawnReportClosesItsCase() {
        ReportHandoff v1 = Fixtures.aHandoff("r-withdrawn", 1, "MA", Fixtures.aPlainFraud());
        deliver(v1);

        deliver(version(v1, 2, "WITHDRAWN", Fixtures.aPlainFraud()));

        JsonNode view = http.get("/api/triage/cases/r-withdrawn", TRIAGE_MA).json();
        assertThat(view.get("status").asString()).isEqualTo("CLOSED");
        assertThat(view.get("closure").get("outcome").asString()).isEqualTo("WITHDRAWN_BY_UNIT");
    }

    @Test
    void readsIntakesMessageAsATolerantReaderAndKeepsTheWholeContent() throws Exception {
        String message = Files.readString(Path.of("..", "docs", "contracts", "report-handoff.json"))
                .replace("\"reference\"", "\"aFieldTriageDoesNotKnow\": 42, \"reference\"");

        Http.Answer answer = http.post("/internal/reports", INTAKE_SERVICE, message);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String caseId = answer.json().get("caseId").asString();
        JsonNode view = http.get("/api/triage/cases/" + caseId, TRIAGE_MA).json();
        assertThat(view.get("content").get("narrative").asString()).startsWith("Contacted on Instagram");
        assertThat(view.get("content").get("evidence").get(0).get("sha256").asString()).hasSize(64);
        assertThat(view.get("category").asString()).isEqualTo("ONLINE_FRAUD");
        assertThat(view.get("subtype").asString()).isEqualTo("INVESTMENT");
    }

    @Test
    void refusesUnreadableOrIncompleteHandoffs() {
        assertThat(http.post("/internal/reports", INTAKE_SERVICE, "{not json").status()).isEqualTo(400);
        assertThat(http.post("/internal/reports", INTAKE_SERVICE, "{\"reportId\":\"x\"}").status()).isEqualTo(400);
        assertThat(http.post("/internal/reports", null, "{}").status()).isEqualTo(401);
        assertThat(mongo.count(new Query(), "cases")).isZero();
    }

    @Test
    void storesTheCaseWithItsScoreBreakdown() {
        deliver(Fixtures.aHandoff("r-stored", 1, "MA", Fixtures.aPlainFraud()));

        Document stored = mongo.findById("r-stored", Document.class, "cases");

        assertThat(stored.getString("level")).isNotNull();
        assertThat(stored.get("priority", Document.class).getList("breakdown", Document.class)).isNotNull();
        assertThat(stored.get("dueAt")).isNotNull();
    }
}
