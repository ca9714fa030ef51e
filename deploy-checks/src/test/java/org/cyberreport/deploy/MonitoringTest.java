package org.cyberreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The production overlay's monitoring: the alert rules are valid Prometheus rules and fire when they
 * should (promtool, from the {@code prometheus} package, which {@code .ci/run} installs), and the
 * dashboard and the rules read only metrics that the applications expose (the list that the
 * end-to-end suite checks against a scrape of the running platform).
 */
class MonitoringTest {

    static final Path MONITORING = Repository.DEPLOY.resolve("k8s/overlays/production/monitoring");

    @Test
    void alertRulesPassPromtoolsCheckAndTheirOwnTests() throws Exception {
        assertThat(promtool("check", "rules", "alert-rules.yml")).contains("SUCCESS: 4 rules found");
        assertThat(promtool("test", "rules", "alert-rules.test.yml")).contains("SUCCESS");
    }

    @Test
    void theDashboardAndTheRulesReadOnlyExposedMetrics() {
        Set<String> exposed = exposedMetrics().keySet();
        Map<String, Set<String>> read = new TreeMap<>();
        for (String expression : dashboardExpressions()) {
            read.put("dashboard: " + expression, PromQl.metricNames(expression));
        }
        for (JsonNode rule : Repository.tree(MONITORING.resolve("alert-rules.yml")).at("/groups/0/rules")) {
            read.put("rule " + rule.get("alert").asText(), PromQl.metricNames(rule.get("expr").asText()));
        }

        assertThat(read).hasSizeGreaterThan(15);
        read.forEach((where, names) -> assertThat(names).as(where).isNotEmpty().isSubsetOf(exposed));
        // and nothing listed that nothing reads: the list stays the dashboard's and the rules' own
        Set<String> all = new TreeSet<>();
        read.values().forEach(all::addAll);
        assertThat(all).containsExactlyInAnyOrderElementsOf(exposed);
    }

    @Test
    void theMetricNamesOfAnExpressionAreFound() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (routeId, le) "
                + "(rate(spring_cloud_gateway_requests_seconds_bucket{outcome=\"SUCCESS\"}[5m])))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_bucket");
        assertThat(PromQl.metricNames("max by (a) (x_total) > 0 and deriv(max by (a) (y{s=\"p\"})[15m:1m]) > 0 "
                + "or vector(0) unless on (a) z offset 5m"))
                .containsExactlyInAnyOrder("x_total", "y", "z");
        assertThat(PromQl.metricNames("count(up == 1) or vector(0)")).containsExactly("up");
    }

    /** Every panel's query, in rows too. */
    static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = Repository.tree(MONITORING.resolve("cyberreport-dashboard.json"));
        dashboard.findValues("targets").forEach(targets -> targets.forEach(target -> expressions.add(target.get("expr").asText())));
        return expressions;
    }

    /** The exposed-metrics list: metric → the applications that expose it. */
    static Map<String, List<String>> exposedMetrics() {
        Map<String, List<String>> metrics = new TreeMap<>();
        for (String line : Repository.read(MONITORING.resolve("exposed-metrics.txt")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.trim().split("\\s+");
                metrics.put(fields[0], List.of(fields).subList(1, fields.length));
            }
        }
        return metrics;
    }

    private static String promtool(String... arguments) throws Exception {
        String promtool = onPath("promtool");
        assertThat(promtool).as("promtool is not on the PATH: install Debian's prometheus package (.ci/run does)").isNotNull();
        List<String> command = new ArrayList<>(List.of(promtool));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Just enough of PromQL's grammar to find the metric names an expression reads. */
    static final class PromQl {

        private static final Set<String> WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
                "and", "or", "unless", "bool", "offset");

        private PromQl() {
        }

        static Set<String> metricNames(String expression) {
            String bare = expression
                    .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
                    .replaceAll("\\{[^}]*}", " ") // label matchers
                    .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ") // label lists
                    .replaceAll("\\boffset\\s+\\w+", " ");
            Set<String> names = new TreeSet<>();
            java.util.regex.Matcher identifier = java.util.regex.Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?")
                    .matcher(bare);
            while (identifier.find()) {
                String token = identifier.group();
                boolean call = token.endsWith("(");
                String name = call ? token.substring(0, token.indexOf('(')).trim() : token;
                int start = identifier.start();
                boolean inNumber = start > 0 && Character.isDigit(bare.charAt(start - 1)); // 1e3, 5m
                if (!call && !WORDS.contains(name) && !inNumber) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
