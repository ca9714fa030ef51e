package org.cyberreport.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Mutated requests through real sockets: a seeded generator (the seed is printed, and
 * {@code -Dfuzz.seed=...} repeats a run) takes a well-formed request to each route and changes its
 * method, path segments, query, headers, body, version or framing. The services (a WireMock stub)
 * never answer with a 5xx here, so every 5xx would be the gateway's own; every error answer must be a
 * problem document; no breaker may record a failure; and every request must get an answer, except
 * one whose client closed the connection in the middle of the body.
 */
class GatewayFuzzIT extends StubbedServices {

    private static final long SEED = Long.getLong("fuzz.seed", 9457L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    /** {@code -Dfuzz.only=N} sends request number N of the run, {@code fuzz.requests} times (to chase a race). */
    private static final Integer ONLY = Integer.getInteger("fuzz.only");

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "CONNECT", "FOO", "get", "G\u00ffT", ""};
    private static final String[] PATHS = {"/api/reports", "/api/reports/R-2026-000001", "/api/reports/R-1/amendments",
            "/api/reports/handoffs", "/api/triage/cases", "/api/triage/cases/C-1", "/api/triage/escalations",
            "/api/cooperation/requests", "/api/cooperation/requests/Q-1/answers", "/api/cooperation/callbacks/FR",
            "/api-docs/intake", "/swagger-ui/index.html", "/v3/api-docs/swagger-config", "/actuator/health",
            "/fallback/intake", "/internal/reports", "/", "*", "http://evil.example/api/reports"};
    private static final String[] SEGMENTS = {"", ".", "..", "%2e%2e", "%2F", "%2f..", "%00", "%ff", "%G1", "%", "%4",
            ";x=1", "\\", "~", "%c3%28", "\u00e9", "%C3%A9", "%e2%80%ae", "a b", "\"", "<script>", "/", "%5C", "%25",
            "\u0001", "\u007f", "x".repeat(3_000), "x".repeat(5_000), "\ud83d\ude00", "%F0%9F%98%80", "?", "#frag"};
    private static final String[] PARAMETERS = {"size=5", "page=-1", "size=99999999999999999999", "=x", "", "a",
            "a=", "a=%", "a=%zz", "a=%ff%fe", "a=%c3%28", "a=\u00ff", "a=%00", "a[]=1", "a=|", "a={}", "a=%E2%80%AE",
            "from=-999999999-01-01T00:00:00Z", "to=%2B1000000000-01-01T00:00:00Z", "q=" + "y".repeat(2_000),
            "page=1&page=2", "+=+", "a=b=c", "%=1", "%61=1", "a=%0d%0aSet-Cookie:x", "a=\t", "a=%C0%AF"};
    private static final String[] HEADER_NAMES = {"Idempotency-Key", "If-Match", "X-Correlation-Id", "Content-Type",
            "Accept", "Origin", "Access-Control-Request-Method", "X-Forwarded-For", "X-Forwarded-Host", "Forwarded",
            "Range", "Expect", "Content-Encoding", "Cookie", "User-Agent", "Host", "Accept-Language", "Signature",
            "Bad Name", "X-\u00ff", ":", "X-Empty", "Transfer-Encoding", "Content-Length", "Upgrade", "Authorization"};
    private static final String[] HEADER_VALUES = {"k-0001", "\"v1\"", "\u00ff\u00fe", "\u00c3\u0028", "a\u0000b",
            "a\u0001b", "a\u007fb", "a\tb", "", " ", "application/json", "application/json; charset=utf-16",
            ";;;/", "text/html,*/*;q=0.1", "http://localhost:5173", "https://evil.example", "bytes=0-1,5-", "100-continue",
            "gzip", "chunked", "-1", "abc", "99999999999999999999", "websocket", "Bearer", "Bearer \u00ff",
            "Basic !!!", "for=\"\u00ff", "\u00e2\u0080\u00ae", "z".repeat(9_000), "q".repeat(70_000)};
    private static final String[] BODIES = {"{}", "{\"category\":\"phishing\"}", "[", "null", "{\"a\":", "\u0000\u00ff",
            "{\"a\":1,\"a\":2}", "x".repeat(70_000), "\ufeff{}"};

    private final List<String> tokens = new ArrayList<>();

    @Test
    void noMutatedRequestGetsA5xxOrAnErrorThatIsNotAProblem() {
        SERVICES.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"stub\":true}")));
        tokens.addAll(List.of("", TestTokens.reporter("MA", "casablanca-cyber"), TestTokens.triageOfficer("MA"),
                TestTokens.liaison("FR"), TestTokens.user("admin-fuzz", List.of("admin"), null, null), "not-a-jwt",
                TestTokens.expired("MA", "u1"), TestTokens.signedByAnotherKey()));
        AtomicInteger breakerFailures = new AtomicInteger();
        circuitBreakers.getAllCircuitBreakers().forEach(breaker ->
                breaker.getEventPublisher().onError(event -> breakerFailures.incrementAndGet()));
        RawHttp client = new RawHttp(port);
        System.out.printf("fuzz: seed %d, %d requests (-Dfuzz.seed=%d repeats this run)%n", SEED, REQUESTS, SEED);

        Queue<String> findings = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        // Request number i comes from its own generator, so that it is the same whichever thread sends it.
        IntStream.range(0, REQUESTS).parallel().forEach(i -> {
            Mutant mutant = mutant(new Random(SEED * 1_000_003 + (ONLY == null ? i : ONLY)));
            RawHttp.Reply reply = client.exchange("127.0.0.1", mutant.bytes(), mutant.sentUpTo(), mutant.headAnswer());
            List<RawHttp.Answer> answers = reply.answers();
            // A server may close a connection after any answer that says so; the client then sends the rest again.
            boolean closedEarly = !answers.isEmpty() && "close".equalsIgnoreCase(answers.getLast().header("Connection"));
            if (answers.size() < mutant.expectedAnswers() && !closedEarly && mutant.sentUpTo() == mutant.bytes().length) {
                findings.add("#" + i + " no answer (connection " + reply.end() + ") to " + mutant.description());
            }
            for (RawHttp.Answer answer : answers) {
                statuses.merge(answer.status(), 1, Integer::sum);
                // A request whose own framing breaks after its answer has started gets that answer cut
                // short (the connection closes: what follows cannot be trusted); any other cut is a defect.
                if (answer.cut() && !mutant.framingBroken()) {
                    findings.add("#" + i + " answer " + answer.status() + " cut short (connection " + reply.end() + ") to "
                            + mutant.description());
                }
                String problem = answer.cut() ? null : problemOf(answer, answers.indexOf(answer) == mutant.headAnswer());
                if (answer.status() >= 500 || answer.status() < 0 || problem != null) {
                    findings.add("#" + i + " " + answer.status() + " " + (problem == null ? "" : problem) + " to "
                            + mutant.description() + ": " + answer.text().substring(0, Math.min(200, answer.text().length())));
                }
            }
        });
        System.out.printf("fuzz: answers by status %s in %d ms%n", statuses, (System.nanoTime() - start) / 1_000_000);

        assertThat(findings).as("findings (#request number)").isEmpty();
        assertThat(breakerFailures).as("failures recorded by the breakers").hasValue(0);
        assertThat(statuses.keySet()).as("the run reached the services and was refused in many ways")
                .contains(200, 400, 401, 403, 404, 405, 413, 414, 431);
        assertThat(http.get("/api/reports", TestTokens.reporter("MA", "casablanca-cyber")).status()).isEqualTo(200);
    }

    /** Null when the answer is fine: not an error, or an error that is a problem document of its status. */
    private static String problemOf(RawHttp.Answer answer, boolean head) {
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type;
        }
        if (head) {
            return null;
        }
        try {
            JsonNode problem = Http.JSON.readTree(answer.body());
            return problem.path("type").asString("").startsWith("urn:cyberreport:problem:")
                    && problem.path("status").asInt() == answer.status() ? null : "problem " + problem;
        } catch (RuntimeException notJson) {
            return "body not JSON";
        }
    }

    /** A request as bytes, what it is, how much of it is sent, and how many answers it must get. */
    record Mutant(byte[] bytes, String description, int sentUpTo, int expectedAnswers, int headAnswer, boolean framingBroken) {
    }

    private Mutant mutant(Random random) {
        String method = random.nextInt(4) == 0 ? pick(random, METHODS) : pick(random, new String[] {"GET", "POST", "PUT", "PATCH"});
        String path = pick(random, PATHS);
        if (random.nextInt(3) == 0) {
            int at = path.lastIndexOf('/') + 1;
            path = random.nextBoolean() ? path + "/" + pick(random, SEGMENTS) : path.substring(0, at) + pick(random, SEGMENTS) + path.substring(at);
        }
        if (random.nextInt(3) == 0) {
            List<String> parameters = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                parameters.add(pick(random, PARAMETERS));
            }
            path += "?" + String.join("&", parameters);
        }
        String version = random.nextInt(30) == 0 ? pick(random, new String[] {"HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.1 x", "http/1.1"})
                : "HTTP/1.1";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "gateway");
        headers.put("Connection", "close");
        String token = pick(random, tokens.toArray(String[]::new));
        if (!token.isEmpty()) {
            headers.put("Authorization", "Bearer " + token);
        }
        for (int n = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; n > 0; n--) {
            headers.put(pick(random, HEADER_NAMES), pick(random, HEADER_VALUES));
        }
        if (random.nextInt(100) == 0) {
            for (int n = 0; n < 150; n++) {
                headers.put("X-Many-" + n, "m".repeat(60));
            }
        }
        String body = random.nextInt(2) == 0 ? pick(random, BODIES) : null;
        String framing = body == null ? "none" : pick(random, new String[] {"length", "length", "length", "chunked", "bad chunk",
                "both", "short", "truncated"});
        String eol = random.nextInt(50) == 0 ? "\n" : "\r\n";

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean pipelined = random.nextInt(20) == 0;
        if (pipelined) {
            write(bytes, "GET /api/reports HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + tokens.get(1) + "\r\n\r\n");
        }
        write(bytes, method + " " + path + " " + version + eol);
        headers.forEach((name, value) -> write(bytes, name + ": " + value + eol));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        switch (framing) {
            case "none" -> write(bytes, eol);
            case "chunked", "bad chunk" -> {
                write(bytes, "Transfer-Encoding: chunked" + eol + eol);
                write(bytes, ("bad chunk".equals(framing) ? "zz" : Integer.toHexString(content.length)) + "\r\n");
                bytes.writeBytes(content);
                write(bytes, "\r\n0\r\n\r\n");
            }
            case "both" -> {
                write(bytes, "Transfer-Encoding: chunked" + eol + "Content-Length: " + content.length + eol + eol);
                write(bytes, Integer.toHexString(content.length) + "\r\n");
                bytes.writeBytes(content);
                write(bytes, "\r\n0\r\n\r\n");
            }
            default -> { // length, short (declares less than it sends), truncated (the client stops half-way)
                int declared = "short".equals(framing) ? content.length / 2 : content.length;
                write(bytes, "Content-Length: " + declared + eol + eol);
                bytes.writeBytes(content);
            }
        }
        byte[] request = bytes.toByteArray();
        int sentUpTo = "truncated".equals(framing) ? request.length - Math.max(1, content.length / 2) : request.length;
        String description = (pipelined ? "[after a good request] " : "") + printable(method + " " + path + " " + version)
                + " headers " + printable(headers.entrySet().stream().filter(h -> !"Authorization".equals(h.getKey()))
                        .map(h -> h.getKey() + ": " + h.getValue().substring(0, Math.min(30, h.getValue().length())))
                        .toList().toString())
                + (token.isEmpty() ? " no token" : " token #" + tokens.indexOf(token)) + " body " + framing + " " + content.length;
        return new Mutant(request, description, sentUpTo, pipelined ? 2 : 1,
                "HEAD".equals(method) ? (pipelined ? 1 : 0) : -1, List.of("bad chunk", "truncated").contains(framing));
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static void write(ByteArrayOutputStream bytes, String text) {
        // Characters up to U+00FF are the bytes themselves: that is how odd bytes get onto the wire.
        for (char c : text.toCharArray()) {
            if (c <= 0xff) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(300).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c)));
        return out.toString();
    }
}
