package org.cyberreport.cooperation.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Fuzzer;
import org.cyberreport.kit.testing.RawHttp;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * 10,000 mutated requests across every cooperation endpoint, partner callbacks and the internal
 * escalation hand-off included, over raw sockets: none may answer 5xx, every error is a problem
 * document, and a refused request stores nothing. Forwarding is off, so no delivery changes the
 * database behind the test's back.
 */
@TestPropertySource(properties = "cyberreport.cooperation.forwarding.enabled=false")
class CooperationFuzzIT extends CooperationIT {

    private static final long SEED = 20261130L;
    private static final int REQUESTS = 10_000;
    private static final String ESCALATION = """
            {"escalationId":"esc-1","caseId":"case-1","caseReference":"MA-2026-000042","requestingCountry":"MA",
             "destinationCountry":"FR","requestType":"INFORMATION_REQUEST","urgent":false,"reason":"Identify the operators",
             "requestedBy":"triage-MA","handling":{"tlp":"AMBER","codes":["H0"]},
             "content":{"questions":["Who holds the domain?"],"purpose":"Identify","offence":"Fraud"}}""";

    @Test
    void tenThousandMutatedRequestsAnswerBelow500AsProblemsAndRefusedOnesStoreNothing() {
        String sent = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true)).json()
                .path("id").asString();
        String draft = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", false)).json()
                .path("id").asString();
        String base = "/api/cooperation";
        List<Fuzzer.Endpoint> endpoints = List.of(
                json("POST", base + "/requests", TRIAGE_MA, informationRequestTo("FR", true)),
                json("POST", base + "/requests", TRIAGE_MA, paymentStopTo("FR")),
                json("POST", base + "/requests/" + draft + "/submission", TRIAGE_MA,
                        "{\"content\":{\"questions\":[\"Who?\"],\"purpose\":\"Identify\",\"offence\":\"Fraud\"}}"),
                query("GET", base + "/requests", "page=0&size=5", TRIAGE_MA),
                query("GET", base + "/inbox", "page=0&size=5", LIAISON_FR),
                json("GET", base + "/requests/" + sent, LIAISON_FR, null),
                json("POST", base + "/requests/" + sent + "/acknowledgement", LIAISON_FR, null),
                json("POST", base + "/requests/" + sent + "/answer", LIAISON_FR, "{\"text\":\"The holder is X\",\"evidence\":"
                        + "[{\"sha256\":\"" + "ab".repeat(32) + "\",\"fileName\":\"whois.txt\",\"mediaType\":\"text/plain\"}]}"),
                json("POST", base + "/requests/" + sent + "/refusal", LIAISON_FR, "{\"reason\":\"Not our jurisdiction\"}"),
                json("POST", base + "/requests/" + draft + "/withdrawal", TRIAGE_MA, "{\"reason\":\"Sent elsewhere\"}"),
                json("PUT", base + "/directory/ES", ADMIN, "{\"delivery\":\"INBOX\",\"contact\":{\"office\":\"NCB Madrid\"}}"),
                json("GET", base + "/directory", TRIAGE_MA, null),
                json("GET", base + "/directory/FR", LIAISON_FR, null),
                json("GET", base + "/signing-key", ADMIN, null),
                json("GET", base + "/scorecard", TRIAGE_MA, null),
                json("GET", base + "/forwarding", ADMIN, null),
                json("POST", base + "/forwarding/" + sent + "/redrive", ADMIN, null),
                json("POST", base + "/callbacks/FR", null, "{\"requestId\":\"" + sent + "\",\"action\":\"ACKNOWLEDGE\"}"),
                json("POST", "/internal/escalations", SERVICE, ESCALATION),
                json("GET", "/actuator/health", null, null));
        List<String> tokens = new ArrayList<>(TestTokens.rejected().values());
        tokens.addAll(List.of(TRIAGE_MA, TRIAGE_FR, LIAISON_FR, LIAISON_ES, ADMIN, SERVICE));

        Fuzzer.Result result = new Fuzzer(new RawHttp(port), tokens, List.of())
                .run(SEED, REQUESTS, endpoints, this::fingerprint);

        System.out.printf("Cooperation fuzz: %d requests in %d ms (%d ms of them counting documents); answers by endpoint and status: %s%n",
                result.requests(), result.millis(), result.fingerprintMillis(), result.statuses());
        assertThat(result.failures()).isEmpty();
        assertThat(result.statuses().keySet()).anyMatch(answer -> answer.startsWith("POST /api/cooperation/requests 201"));
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

    private static Fuzzer.Endpoint query(String method, String path, String query, String token) {
        return new Fuzzer.Endpoint(method, path, query, Map.of("Authorization", "Bearer " + token), null);
    }

    // estimatedCount asks the embedded server for its kept count, where a filtered count would read
    // every document after every one of the 10,000 requests.
    /** The number of documents in every collection: what a refused request must leave as it was. */
    private Map<String, Long> fingerprint() {
        Map<String, Long> counts = new TreeMap<>();
        mongo.getCollectionNames().forEach(name -> counts.put(name, mongo.estimatedCount(name)));
        return counts;
    }
}
