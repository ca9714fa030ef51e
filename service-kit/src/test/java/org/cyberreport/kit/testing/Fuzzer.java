package org.cyberreport.kit.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded, repeatable fuzzer: takes valid requests of every endpoint and sends mutated copies over raw
 * sockets (bodies, headers, query strings and path segments), then checks what must hold for any input:
 * no answer of 500 or more, every error answer a problem document, and nothing stored by a refused
 * request (the caller's fingerprint of the database is unchanged). A failure names the seed and the
 * request's number, so it can be replayed.
 */
public final class Fuzzer {

    /** A valid request: path (with real ids), query (or empty), headers, body (or null). */
    public record Endpoint(String method, String path, String query, Map<String, String> headers, String body) {
    }

    /** What was sent and found; {@code fingerprintMillis} is the part of {@code millis} spent reading the database. */
    public record Result(int requests, Map<String, Integer> statuses, List<String> failures, long millis,
                         long fingerprintMillis) {
    }

    /** Hostile JSON values, written as raw JSON text so that escapes such as lone surrogates stay as sent. */
    private static final List<String> VALUES = List.of(
            "null", "\"\"", "\"\\u0000\"", "\"a\\u001b[31mred\"", "\"\\u202egpj.exe\"", "\"\\ud800\"", "\"x\\udc00\"",
            "\"e\\u0301\"", "\"-999999999-01-01T00:00:00Z\"", "\"+1000000000-01-01T00:00:00Z\"",
            "\"9999-12-31T00:00:00Z\"", "\"1969-12-31T23:59:59Z\"", "\"\\ufeffkey\"", "\"\\u200bzero\"", "1e400", "-1",
            "99999999999999999999999999999999", "true", "{}", "[]", "[null]", "[null,null]", "{\"$gt\":\"\"}",
            "\"" + "x".repeat(5_000) + "\"", "[{}]", "\"MA\"", "\"FR\"", "\"2026-11-20T09:15:00Z\"", "0", "\"\\u0007bell\"");
    private static final List<String> PATH_SEGMENTS = List.of(
            "%00", "%ff", "%C3%28", "..", "%2e%2e", "x".repeat(3_000), "%E2%80%AE", ";a=b", "%2F", "%20", "%u0041",
            "%", "00000000-0000-0000-0000-000000000000", "%7B%7D", "a%0Ab");
    private static final List<String> QUERIES = List.of(
            "x=%zz", "%", "a=%C3%28", "=1", "&&", "a=%00", "page=-1", "size=99999999999", "page=abc", "a=%E2%80%AE",
            "a=%FF%FE", "a%=1", "status=%00", "level=NOPE", "claimedByMe=maybe", "category=%0D%0A");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json;charset=UTF-16", "application/json;charset=ISO-8859-1", "text/plain", "application/xml",
            "garbage", "application/json;charset=\"", "multipart/form-data;boundary=x");

    private final RawHttp http;
    private final List<String> tokens;
    private final List<String> instantParameters;

    /**
     * @param tokens tokens to swap in (other roles, countries, forged); {@code null} stands for none
     * @param instantParameters query parameters that take an instant, given extreme values
     */
    public Fuzzer(RawHttp http, List<String> tokens, List<String> instantParameters) {
        this.http = http;
        this.tokens = tokens;
        this.instantParameters = instantParameters;
    }

    public Result run(long seed, int requests, List<Endpoint> endpoints, Supplier<Object> fingerprint) {
        Random random = new Random(seed);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.currentTimeMillis();
        Object before = fingerprint.get();
        long fingerprintNanos = 0;
        for (int i = 0; i < requests; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            RawHttp.Request request = mutate(endpoint, random);
            RawHttp.Response response = http.send(request);
            statuses.merge(endpoint.method() + " " + endpoint.path().replaceAll("/[0-9a-f-]{20,}", "/{id}") + " "
                    + response.status(), 1, Integer::sum);
            long fingerprinting = System.nanoTime();
            Object after = fingerprint.get();
            fingerprintNanos += System.nanoTime() - fingerprinting;
            String failure = check(response, before, after);
            if (failure != null && failures.size() < 50) {
                failures.add("seed " + seed + " #" + i + ": " + failure + " <- " + request.describe() + " -> "
                        + clip(response.body()));
            }
            before = after;
        }
        return new Result(requests, statuses, failures, System.currentTimeMillis() - started, fingerprintNanos / 1_000_000);
    }

    private static String check(RawHttp.Response response, Object before, Object after) {
        if (response.status() >= 500) {
            return "answered " + response.status();
        }
        if (response.status() >= 400 && !response.isProblem()) {
            return "error answer " + response.status() + " is not a problem document but " + response.contentType();
        }
        if (response.status() >= 400 && !isProblemDocument(response)) {
            return "error answer " + response.status() + " is labelled a problem but its body is not one";
        }
        if (response.status() >= 400 && !before.equals(after)) {
            return "refused with " + response.status() + " but the database changed from " + before + " to " + after;
        }
        return null;
    }

    /** An RFC 9457 document of the platform: a JSON object with its stable type and the answer's status. */
    private static boolean isProblemDocument(RawHttp.Response response) {
        try {
            JsonNode problem = Http.JSON.readTree(response.body());
            return problem.path("type").asString("").startsWith("urn:cyberreport:problem:")
                    && problem.path("status").asInt() == response.status();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    RawHttp.Request mutate(Endpoint endpoint, Random random) {
        String path = endpoint.path();
        String query = endpoint.query();
        Map<String, String> headers = new TreeMap<>(endpoint.headers());
        byte[] body = endpoint.body() == null ? null : endpoint.body().getBytes(StandardCharsets.UTF_8);
        List<byte[]> rawHeaders = new ArrayList<>();
        // One request in ten goes as it is, so valid requests (and what they store) stay part of the mix.
        int mutations = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(body == null ? 4 : 8)) {
                case 0 -> path = mutatePath(path, random);
                case 1 -> query = mutateQuery(query, random);
                case 2 -> rawHeaders.add(hostileHeader(random));
                case 3 -> mutateHeaders(headers, random);
                default -> body = mutateBody(body, random);
            }
        }
        String target = path + (query == null || query.isEmpty() ? "" : "?" + query);
        List<byte[]> lines = new ArrayList<>();
        headers.forEach((name, value) -> lines.add((name + ": " + value).getBytes(StandardCharsets.UTF_8)));
        lines.addAll(rawHeaders);
        return new RawHttp.Request(endpoint.method(), target.getBytes(StandardCharsets.ISO_8859_1), lines, body);
    }

    private static String mutatePath(String path, Random random) {
        String[] segments = path.split("/");
        int at = 2 + random.nextInt(Math.max(1, segments.length - 2));
        if (at >= segments.length) {
            return path + "/" + pick(PATH_SEGMENTS, random);
        }
        segments[at] = pick(PATH_SEGMENTS, random);
        return String.join("/", segments);
    }

    private String mutateQuery(String query, Random random) {
        String added = random.nextInt(3) == 0 && !instantParameters.isEmpty()
                ? pick(instantParameters, random) + "=" + pick(List.of("%2B1000000000-01-01T00:00:00Z",
                        "-999999999-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "1969-01-01T00:00:00Z", "2026-13-45T99:00:00Z",
                        "2026-11-01T00:00:00Z"), random)
                : pick(QUERIES, random);
        return query == null || query.isEmpty() ? added : query + "&" + added;
    }

    private static byte[] hostileHeader(Random random) {
        String name = pick(List.of("Idempotency-Key", "If-Match", "X-Correlation-Id", "Accept", "Signature", "X-Any"), random);
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes((name + ": key-").getBytes(StandardCharsets.US_ASCII));
        switch (random.nextInt(4)) {
            case 0 -> value.writeBytes(new byte[] {(byte) (0x80 + random.nextInt(128)), (byte) (0x80 + random.nextInt(128))});
            case 1 -> value.write(1 + random.nextInt(8));
            case 2 -> value.writeBytes("\u202e\u200b".getBytes(StandardCharsets.UTF_8));
            default -> value.writeBytes(new byte[] {(byte) 0xC3, 0x28, 0x7F});
        }
        value.writeBytes("-0001".getBytes(StandardCharsets.US_ASCII));
        return value.toByteArray();
    }

    private void mutateHeaders(Map<String, String> headers, Random random) {
        switch (random.nextInt(4)) {
            case 0 -> headers.put("Content-Type", pick(CONTENT_TYPES, random));
            case 1 -> {
                String token = pick(tokens, random);
                headers.remove("Authorization");
                if (token != null) {
                    headers.put("Authorization", "Bearer " + token);
                }
            }
            case 2 -> headers.put("If-Match", pick(List.of("\"-1\"", "*", "W/\"99999999999999999999\"", "\"1\"", "\"\"",
                    "\"abc\""), random));
            default -> headers.put("Idempotency-Key", pick(List.of("short", "k".repeat(200), "key with spaces",
                    "key-" + random.nextInt(1000) + "-replayed", "ключ-0001-юникод"), random));
        }
    }

    private static byte[] mutateBody(byte[] body, Random random) {
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(12)) {
            case 0 -> bytes(withNullInList(text, random));
            case 1, 2, 3 -> bytes(withValue(text, random));
            case 4 -> bytes(withoutField(text, random));
            case 5 -> bytes(text.replaceFirst("\\{\\s*\"([^\"]+)\"\\s*:", "{\"$1\":null,\"$1\":"));
            case 6 -> bytes(text.substring(0, random.nextInt(text.length() + 1)));
            case 7 -> withGarbage(body, random);
            case 8 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 9 -> text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
            case 10 -> bytes(random.nextInt(20) == 0 ? "{\"victims\":[" + "{},".repeat(74_999) + "{}]}"
                    : withListOf(text, "\"q\"", 5_000, random));
            default -> bytes("[".repeat(100 + random.nextInt(1000)));
        };
    }

    private static String withValue(String json, Random random) {
        ObjectNode root = tree(json);
        if (root == null) {
            return json;
        }
        ObjectNode target = randomObject(root, random);
        List<String> names = new ArrayList<>(target.propertyNames());
        String name = names.isEmpty() || random.nextInt(5) == 0 ? "extra" : pick(names, random);
        target.put(name, "__HOSTILE__");
        return root.toString().replace("\"__HOSTILE__\"", pick(VALUES, random));
    }

    private static String withNullInList(String json, Random random) {
        ObjectNode root = tree(json);
        if (root == null) {
            return json;
        }
        List<ArrayNode> arrays = new ArrayList<>();
        collectArrays(root, arrays);
        if (arrays.isEmpty()) {
            return withValue(json, random);
        }
        ArrayNode array = pick(arrays, random);
        array.insertNull(random.nextInt(array.size() + 1));
        return root.toString();
    }

    private static String withListOf(String json, String element, int count, Random random) {
        ObjectNode root = tree(json);
        if (root == null) {
            return json;
        }
        ObjectNode target = randomObject(root, random);
        List<String> names = new ArrayList<>(target.propertyNames());
        target.put(names.isEmpty() ? "extra" : pick(names, random), "__HOSTILE__");
        String list = "[" + String.join(",", java.util.Collections.nCopies(count, element)) + "]";
        return root.toString().replace("\"__HOSTILE__\"", list);
    }

    private static String withoutField(String json, Random random) {
        ObjectNode root = tree(json);
        if (root == null) {
            return json;
        }
        ObjectNode target = randomObject(root, random);
        List<String> names = new ArrayList<>(target.propertyNames());
        if (!names.isEmpty()) {
            target.remove(pick(names, random));
        }
        return root.toString();
    }

    private static byte[] withGarbage(byte[] body, Random random) {
        int at = random.nextInt(body.length + 1);
        byte[] garbage = new byte[1 + random.nextInt(4)];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(128) : random.nextInt(32));
        }
        return concat(concat(java.util.Arrays.copyOf(body, at), garbage), java.util.Arrays.copyOfRange(body, at, body.length));
    }

    private static ObjectNode tree(String json) {
        try {
            JsonNode node = Http.JSON.readTree(json);
            return node instanceof ObjectNode object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static ObjectNode randomObject(ObjectNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        return pick(objects, random);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.values().forEach(child -> collectObjects(child, into));
    }

    private static void collectArrays(JsonNode node, List<ArrayNode> into) {
        if (node instanceof ArrayNode array) {
            into.add(array);
        }
        node.values().forEach(child -> collectArrays(child, into));
    }

    private static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
