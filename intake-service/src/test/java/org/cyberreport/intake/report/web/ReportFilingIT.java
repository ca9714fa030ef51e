package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.cyberreport.intake.report.ReportContent;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFilingIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final JsonMapper JSON = Http.JSON;

    @ParameterizedTest
    @ValueSource(strings = {"online-fraud", "extortion", "crypto", "data-theft"})
    void acceptsTheReadmeExampleOfEachCategory(String name) throws IOException {
        String body = example(name);
        assertThat(readmeExamples()).as("README shows docs/examples/%s.json verbatim", name).contains(body.strip());

        Http.Answer answer = file(REPORTER, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode report = answer.json();
        assertThat(report.get("reference").asString()).matches("MA-" + YEAR + "-\\d{6}");
        assertThat(report.get("status").asString()).isEqualTo("FILED");
        assertThat(report.get("unit").asString()).isEqualTo("casablanca-cyber");
        assertThat(report.get("filedBy").asString()).isEqualTo("reporter-MA-casablanca-cyber");
        assertThat(answer.header("Location")).isEqualTo("/api/reports/" + report.get("id").asString());
        assertThat(JSON.treeToValue(report.get("content"), ReportContent.class))
                .isEqualTo(JSON.readValue(body, ReportContent.class));
    }

    @Test
    void keepsAPendingHandoffToTriageInTheReportsOwnDocument() {
        String id = file(REPORTER, example("online-fraud")).json().get("id").asString();

        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "reports");
        Document handoff = stored.get("handoff", Document.class);

        assertThat(handoff.getString("state")).isEqualTo("PENDING");
        assertThat(handoff.getLong("version")).isEqualTo(1L);
        assertThat(handoff.get("nextAttemptAt")).isNotNull();
        assertThat(handoff.get("leaseUntil")).isNull();
    }

    @Test
    void numbersReferencesPerCountryAndYear() {
        String first = file(REPORTER, example("crypto")).json().get("reference").asString();
        String second = file(REPORTER, example("crypto")).json().get("reference").asString();
        String french = file(TestTokens.reporter("FR", "ofac"), example("crypto")).json().get("reference").asString();

        assertThat(first).isEqualTo("MA-" + YEAR + "-000001");
        assertThat(second).isEqualTo("MA-" + YEAR + "-000002");
        assertThat(french).isEqualTo("FR-" + YEAR + "-000001");
    }

    @Test
    void requiresAnIdempotencyKey() {
        Http.Answer answer = http.post("/api/reports", REPORTER, example("crypto"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:missing-header");
        assertThat(storedReports()).isZero();
    }

    @Test
    void returnsTheSameReportForTheSameKeyAndBody() {
        Http.Answer first = file(REPORTER, "key-0001-same", example("crypto"));
        Http.Answer again = file(REPORTER, "key-0001-same", example("crypto"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(storedReports()).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        file(REPORTER, "key-0002-reuse", example("crypto"));

        Http.Answer answer = file(REPORTER, "key-0002-reuse", example("data-theft"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:idempotency-key-reused");
        assertThat(storedReports()).isEqualTo(1);
    }

    @Test
    void scopesIdempotencyKeysToTheCaller() {
        file(REPORTER, "key-0003-shared", example("crypto"));

        Http.Answer other = file(TestTokens.reporter("MA", "rabat-cyber"), "key-0003-shared", example("crypto"));

        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(storedReports()).isEqualTo(2);
    }

    @Test
    void listsEveryFailingFieldOfAnInvalidReport() {
        String body = example("online-fraud")
                .replace("FR7630006000011234567890189\", \"bic\"", "FR7630006000011234567890188\", \"bic\"")
                .replace("+212612345678", "+2126123456789")
                .replace("\"currency\": \"EUR\" },\n      \"executedAt\"", "\"currency\": \"EURO\" },\n      \"executedAt\"")
                .replace("\"jurisdictionCountry\": \"MA\"", "\"jurisdictionCountry\": \"XX\"");

        Http.Answer answer = file(REPORTER, body);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:cyberreport:problem:validation-failed");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("jurisdictionCountry", "victims[0].phone", "transactions[0].amount.currency",
                "transactions[0].to.iban");
        assertThat(storedReports()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "reference", "status", "unit", "country", "receivedAt", "version", "filedBy"})
    void refusesFieldsThatOnlyThePlatformSets(String field) {
        String body = example("crypto").replaceFirst("\\{", "{ \"" + field + "\": \"forged\",");

        Http.Answer answer = file(REPORTER, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("'" + field + "'");
        assertThat(storedReports()).isZero();
    }

    @Test
    void refusesAmountsBeyondWhatTheStoreKeepsExactly() {
        Http.Answer answer = file(REPORTER, example("crypto").replace("\"amount\": 20000,", "\"amount\": 12345678901234567890.5,"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("crypto.transfers[1].amount");
        assertThat(storedReports()).isZero();
    }

    @Test
    void refusesAReportWhoseSectionDoesNotMatchItsCategory() {
        Http.Answer answer = file(REPORTER, example("crypto").replace("\"category\": \"CRYPTO\"", "\"category\": \"EXTORTION\""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"extortion\"", "\"field\":\"crypto\"");
    }

    @Test
    void refusesMalformedJsonAndOtherMediaTypes() {
        Http.Answer malformed = file(REPORTER, "{\"category\": ");
        Http.Answer text = http.send(http.request("/api/reports", REPORTER, Map.of("Idempotency-Key", "key-0004-text",
                "Content-Type", "text/plain")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:malformed-request");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:unsupported-media-type");
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        String huge = example("crypto").replace("A contact met", "x".repeat(300_000));

        Http.Answer answer = file(REPORTER, huge);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:cyberreport:problem:payload-too-large");
        assertThat(storedReports()).isZero();
    }

    @Test
    void onlyReportersFile() {
        assertThat(file(TestTokens.triageOfficer("MA"), example("crypto")).status()).isEqualTo(403);
        assertThat(file(TestTokens.liaison("FR"), example("crypto")).status()).isEqualTo(403);
        assertThat(file(TestTokens.user("no-unit", List.of("reporter"), "MA", null), example("crypto")).status()).isEqualTo(403);
        assertThat(storedReports()).isZero();
    }

    @Test
    void auditsTheFiling() {
        String id = file(REPORTER, example("crypto")).json().get("id").asString();

        Document audit = mongo.findOne(Query.query(Criteria.where("resourceId").is(id)), Document.class, "audit_log");

        assertThat(audit.getString("action")).isEqualTo("REPORT_FILED");
        assertThat(audit.getString("actorUsername")).isEqualTo("reporter-MA-casablanca-cyber");
        assertThat(audit.get("at")).isNotNull();
        assertThat(audit.getString("correlationId")).isNotBlank();
    }

    @Test
    void returnsAndPropagatesTheCorrelationId() {
        Http.Answer given = http.post("/api/reports", REPORTER, example("crypto"),
                Map.of("Idempotency-Key", "key-0005-corr", "X-Correlation-Id", "case-42.abc"));
        Http.Answer generated = http.get("/api/reports/none", REPORTER);

        assertThat(given.header("X-Correlation-Id")).isEqualTo("case-42.abc");
        assertThat(generated.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        assertThat(generated.json().get("correlationId").asString()).isEqualTo(generated.header("X-Correlation-Id"));
    }

    static List<String> readmeExamples() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1).strip());
        }
        return found;
    }
}
