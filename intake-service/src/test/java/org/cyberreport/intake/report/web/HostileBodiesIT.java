package org.cyberreport.intake.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of 1,000 malformed or hostile bodies, each derived from a valid example by a mutation
 * that must make it unacceptable: unknown or {@code $}-prefixed keys, wrong types and shapes, unknown
 * enum values, missing required parts, huge strings, deep nesting, truncation, garbage, bad
 * identifiers and negative amounts. Every one must answer 4xx as a problem, and nothing may be stored.
 * The seed is fixed, so a failure can be replayed.
 */
class HostileBodiesIT extends IntakeIT {

    private static final long SEED = 20261129L;
    private static final int BODIES = 1000;
    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final List<String> EXAMPLES = List.of("online-fraud", "extortion", "crypto", "data-theft");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aThousandHostileBodiesAnswer4xxAndStoreNothing() {
        Random random = new Random(SEED);
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < BODIES; i++) {
            String example = example(EXAMPLES.get(random.nextInt(EXAMPLES.size())));
            Mutation mutation = Mutation.values()[i % Mutation.values().length];
            String body = mutation.apply(example, random);
            Http.Answer answer = http.post("/api/reports", REPORTER, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            statuses.merge(mutation + "=" + answer.status(), 1, Integer::sum);
            boolean problem = answer.contentType() != null && answer.contentType().startsWith("application/problem+json");
            if (answer.status() < 400 || answer.status() >= 500 || !problem) {
                failures.add(mutation + " #" + i + " -> " + answer.status() + " " + abbreviate(answer.body()) + " for "
                        + abbreviate(body));
            }
        }

        System.out.println("Hostile bodies by mutation and status: " + statuses);
        assertThat(failures).as("statuses: %s", statuses).isEmpty();
        assertThat(storedReports()).isZero();
        assertThat(mongo.count(new Query(), "audit_log")).isZero();
    }

    enum Mutation {
        UNKNOWN_OR_OPERATOR_KEY {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                ObjectNode target = randomObject(root, random);
                String key = List.of("$where", "$gt", "$ne", "__proto__", "reference", "status", "$set", "constructor")
                        .get(random.nextInt(8));
                target.put(key, List.of("1", "sleep(1000)", "{}").get(random.nextInt(3)));
                return root.toString();
            }
        },
        OPERATOR_OBJECT_AS_VALUE {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                ObjectNode operator = NODES.objectNode();
                operator.put("$ne", (String) null);
                root.set(List.of("narrative", "jurisdictionCountry", "category").get(random.nextInt(3)), operator);
                return root.toString();
            }
        },
        WRONG_SHAPE {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                String field = List.of("victims", "handling", "subjects", "transactions", "evidence").get(random.nextInt(5));
                JsonNode replacement = switch (random.nextInt(4)) {
                    case 0 -> NODES.numberNode(random.nextInt());
                    case 1 -> NODES.booleanNode(true);
                    case 2 -> field.equals("handling") ? NODES.arrayNode().add("AMBER") : NODES.objectNode().put("x", 1);
                    default -> NODES.numberNode(random.nextDouble());
                };
                root.set(field, replacement);
                return root.toString();
            }
        },
        UNKNOWN_ENUM_VALUE {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                switch (random.nextInt(4)) {
                    case 0 -> root.put("category", "HACKING");
                    case 1 -> ((ObjectNode) root.get("handling")).put("tlp", "WHITE");
                    case 2 -> ((ObjectNode) root.get("victims").get(0)).put("kind", "ROBOT");
                    default -> root.put("category", "online_fraud");
                }
                return root.toString();
            }
        },
        MISSING_REQUIRED {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                String field = List.of("category", "victims", "narrative", "handling", "incidentStartedAt",
                        "discoveredAt", "jurisdictionCountry").get(random.nextInt(7));
                if (random.nextBoolean()) {
                    root.remove(field);
                } else {
                    root.putNull(field);
                }
                return root.toString();
            }
        },
        BAD_TIMESTAMP {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                String value = List.of("yesterday", "2026-13-45T00:00:00Z", "2999-01-01T00:00:00Z", "1900-01-01T00:00:00Z",
                        "").get(random.nextInt(5));
                root.put(random.nextBoolean() ? "incidentStartedAt" : "discoveredAt", value);
                return root.toString();
            }
        },
        HUGE_STRING {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                int length = random.nextBoolean() ? 20_001 + random.nextInt(100_000) : 300_000 + random.nextInt(200_000);
                String field = List.of("narrative", "jurisdictionCountry").get(random.nextInt(2));
                root.put(field, "A".repeat(length));
                return root.toString();
            }
        },
        DEEP_NESTING {
            String apply(String json, Random random) {
                int depth = 600 + random.nextInt(5000);
                String nested = "[".repeat(depth) + "]".repeat(depth);
                return json.replaceFirst("\"narrative\": ", "\"narrative\": " + nested + ", \"ignored\": ");
            }
        },
        TRUNCATED {
            String apply(String json, Random random) {
                return json.substring(0, 1 + random.nextInt(json.strip().length() - 2));
            }
        },
        GARBAGE {
            String apply(String json, Random random) {
                return switch (random.nextInt(6)) {
                    case 0 -> "[]";
                    case 1 -> "\"a string\"";
                    case 2 -> "42";
                    case 3 -> "null";
                    case 4 -> "";
                    default -> {
                        StringBuilder noise = new StringBuilder();
                        for (int i = 0; i < 200; i++) {
                            noise.append((char) (32 + random.nextInt(95)));
                        }
                        yield noise.toString();
                    }
                };
            }
        },
        WRONG_PRIMITIVE_TYPE {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                ObjectNode victim = (ObjectNode) root.get("victims").get(0);
                switch (random.nextInt(3)) {
                    case 0 -> victim.put("minor", "maybe");
                    case 1 -> victim.put("age", "old");
                    default -> victim.set("minor", NODES.objectNode());
                }
                return root.toString();
            }
        },
        BAD_IDENTIFIER {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                ArrayNode subjects = (ArrayNode) root.get("subjects");
                ObjectNode subject = (ObjectNode) subjects.get(random.nextInt(subjects.size()));
                String value = subject.get("value").asString();
                subject.put("value", switch (subject.get("type").asString()) {
                    // One digit changed always breaks the mod-97 check of an IBAN.
                    case "IBAN" -> value.substring(0, value.length() - 1) + (value.endsWith("9") ? "8" : "9");
                    case "PHONE" -> value + "12";
                    case "CRYPTO_ADDRESS" -> value + "0";
                    default -> "not valid " + value + " $x";
                });
                return root.toString();
            }
        },
        NEGATIVE_AMOUNT {
            String apply(String json, Random random) {
                ObjectNode root = tree(json);
                ObjectNode loss = NODES.objectNode();
                loss.put("amount", -1 - random.nextInt(1000));
                loss.put("currency", "EUR");
                root.set("totalLoss", loss);
                return root.toString();
            }
        };

        abstract String apply(String json, Random random);

        private static ObjectNode tree(String json) {
            return (ObjectNode) Http.JSON.readTree(json);
        }

        private static ObjectNode randomObject(ObjectNode root, Random random) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            return objects.get(random.nextInt(objects.size()));
        }

        private static void collect(JsonNode node, List<ObjectNode> objects) {
            if (node instanceof ObjectNode object) {
                objects.add(object);
            }
            node.values().forEach(child -> collect(child, objects));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
