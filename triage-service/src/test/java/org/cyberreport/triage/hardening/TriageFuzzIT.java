package org.cyberreport.triage.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cyberreport.kit.testing.Fuzzer;
import org.cyberreport.kit.testing.RawHttp;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;

/**
 * 10,000 mutated requests across every triage endpoint, the internal hand-off from intake included,
 * over raw sockets: none may answer 5xx, every error is a problem document, and a refused request
 * stores nothing (cases, escalations and audit records are counted around each one).
 */
class TriageFuzzIT extends TriageIT {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 10_000;
    private static final String ADMIN = TestTokens.user("admin", List.of("admin"), null, null);

    @Test
    void tenThousandMutatedRequestsAnswerBelow500AsProblemsAndRefusedOnesStoreNothing() {
        deliver(Fixtures.aHandoff("fuzz-case-1", 1, "MA", Fixtures.aPlainFraud()));
        deliver(Fixtures.aHandoff("fuzz-case-2", 1, "MA", Fixtures.aPlainFraud()));
        String handoff = json.writeValueAsString(Fixtures.aHandoff("fuzz-case-3", 1, "MA", Fixtures.aPlainFraud()));
        String cases = "/api/triage/cases/";
        List<Fuzzer.Endpoint> endpoints = List.of(
                query("/api/triage/cases", "status=NEW&level=P2&category=ONLINE_FRAUD&claimedByMe=false&page=0&size=5"),
                json("GET", cases + "fuzz-case-1", TRIAGE_MA, null),
                json("GET", "/api/triage/clusters/cluster-1", TRIAGE_MA, null),
                json("POST", cases + "fuzz-case-1/claim", TRIAGE_MA, null),
                json("POST", cases + "fuzz-case-1/release", TRIAGE_MA, null),
                json("POST", cases + "fuzz-case-2/classification", TRIAGE_MA,
                        "{\"category\":\"ONLINE_FRAUD\",\"subtype\":\"ROMANCE\",\"reason\":\"Dating site contact\"}"),
                json("POST", cases + "fuzz-case-2/level-override", TRIAGE_MA,
                        "{\"level\":\"P1\",\"reason\":\"Victim at risk\"}"),
                json("POST", cases + "fuzz-case-2/notes", TRIAGE_MA, "{\"text\":\"Called the bank\"}"),
                json("POST", cases + "fuzz-case-1/closure", TRIAGE_MA, "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"Done\"}"),
                json("POST", cases + "fuzz-case-2/escalations", TRIAGE_MA, "{\"destinationCountry\":\"FR\","
                        + "\"requestType\":\"PAYMENT_STOP\",\"urgent\":true,\"reason\":\"Money left for France\"}"),
                json("GET", "/api/triage/escalations", ADMIN, null),
                json("POST", "/api/triage/escalations/esc-1/redrive", ADMIN, null),
                json("POST", "/internal/reports", INTAKE_SERVICE, handoff),
                json("GET", "/actuator/health", null, null));
        List<String> tokens = new ArrayList<>(TestTokens.rejected().values());
        tokens.addAll(List.of(TRIAGE_MA, TRIAGE_FR, ADMIN, INTAKE_SERVICE, TestTokens.reporter("MA", "casablanca-cyber")));

        Fuzzer.Result result = new Fuzzer(new RawHttp(port), tokens, List.of())
                .run(SEED, REQUESTS, endpoints, this::fingerprint);

        System.out.printf("Triage fuzz: %d requests in %d ms (%d ms of them counting documents); answers by endpoint and status: %s%n",
                result.requests(), result.millis(), result.fingerprintMillis(), result.statuses());
        assertThat(result.failures()).isEmpty();
        assertThat(result.statuses().keySet()).anyMatch(answer -> answer.startsWith("POST /internal/reports 200"));
    }

    private static Fuzzer.Endpoint json(String method, String path, String token, String body) {
        Map<String, String> headers = new TreeMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Fuzzer.Endpoint(method, path, "", headers, body);
    }

    private static Fuzzer.Endpoint query(String path, String query) {
        return new Fuzzer.Endpoint("GET", path, query, Map.of("Authorization", "Bearer " + TRIAGE_MA), null);
    }

    // estimatedCount asks the embedded server for its kept count, where a filtered count would read
    // every document after every one of the 10,000 requests.
    /** What a refused request must leave as it was; correlation documents are written after the answer. */
    private List<Long> fingerprint() {
        return List.of(mongo.estimatedCount("cases"), mongo.estimatedCount("escalations"),
                mongo.estimatedCount("audit_log"));
    }
}
