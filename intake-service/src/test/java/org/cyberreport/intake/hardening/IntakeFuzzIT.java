package org.cyberreport.intake.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Fuzzer;
import org.cyberreport.kit.testing.RawHttp;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutated requests across every intake endpoint, over raw sockets: none may answer 5xx, every
 * error is a problem document, and a refused request stores nothing. The seed is fixed: a failure
 * names the request's number, and running again replays it.
 */
class IntakeFuzzIT extends IntakeIT {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 10_000;
    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String OFFICER = TestTokens.triageOfficer("MA");
    private static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);

    @Test
    void tenThousandMutatedRequestsAnswerBelow500AsProblemsAndRefusedOnesStoreNothing() {
        String first = file(REPORTER, example("online-fraud")).json().path("id").asString();
        String second = file(REPORTER, example("crypto")).json().path("id").asString();
        List<Fuzzer.Endpoint> endpoints = new ArrayList<>();
        for (String example : List.of("online-fraud", "extortion", "crypto", "data-theft")) {
            endpoints.add(json("POST", "/api/reports", REPORTER, example(example), "Idempotency-Key", "fuzz-" + example));
        }
        endpoints.add(json("GET", "/api/reports/" + first, REPORTER, null));
        endpoints.add(json("GET", "/api/reports/" + second, OFFICER, null));
        endpoints.add(new Fuzzer.Endpoint("GET", "/api/reports",
                "status=RECEIVED&category=CRYPTO&receivedFrom=2026-01-01T00:00:00Z&receivedTo=2030-01-01T00:00:00Z&page=0&size=5",
                Map.of("Authorization", "Bearer " + OFFICER), null));
        endpoints.add(json("POST", "/api/reports/" + first + "/amendments", REPORTER,
                "{\"reason\":\"Victim called back\",\"narrative\":\"Corrected narrative of the events.\","
                        + "\"victims\":[{\"kind\":\"PERSON\",\"name\":\"A. B.\",\"minor\":false}],"
                        + "\"subjects\":[{\"type\":\"PHONE\",\"value\":\"+447911123456\"}]}", "If-Match", "\"1\""));
        endpoints.add(json("POST", "/api/reports/" + second + "/withdrawal", REPORTER,
                "{\"reason\":\"Filed twice\"}", "If-Match", "\"1\""));
        endpoints.add(json("GET", "/api/reports/handoffs", ADMIN, null));
        endpoints.add(json("POST", "/api/reports/handoffs/" + first + "/redrive", ADMIN, null));
        endpoints.add(json("GET", "/actuator/health", null, null));
        List<String> tokens = new ArrayList<>(TestTokens.rejected().values());
        tokens.addAll(List.of(REPORTER, OFFICER, ADMIN, TestTokens.reporter("FR", "paris-cyber")));

        Fuzzer.Result result = new Fuzzer(new RawHttp(port), tokens, List.of("receivedFrom", "receivedTo"))
                .run(SEED, REQUESTS, endpoints, () -> fingerprint(first, second));

        System.out.printf("Intake fuzz: %d requests in %d ms (%d ms of them counting documents); answers by endpoint and status: %s%n",
                result.requests(), result.millis(), result.fingerprintMillis(), result.statuses());
        assertThat(result.failures()).isEmpty();
        assertThat(result.statuses().keySet()).anyMatch(answer -> answer.startsWith("POST /api/reports 201"));
    }

    private static Fuzzer.Endpoint json(String method, String path, String token, String body, String... header) {
        Map<String, String> headers = new java.util.TreeMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < header.length; i += 2) {
            headers.put(header[i], header[i + 1]);
        }
        return new Fuzzer.Endpoint(method, path, "", headers, body);
    }

    // estimatedCount asks the embedded server for its kept count, where a filtered count would read
    // every document after every one of the 10,000 requests.
    /** What a refused request must leave as it was: the number of documents, and the seeded reports' versions. */
    private List<Object> fingerprint(String... ids) {
        List<Object> state = new ArrayList<>();
        for (String collection : List.of("reports", "report_sequences", "audit_log")) {
            state.add(mongo.estimatedCount(collection));
        }
        for (String id : ids) {
            Document report = mongo.findById(id, Document.class, "reports");
            state.add(report == null ? null : report.get("version"));
        }
        return state;
    }
}
