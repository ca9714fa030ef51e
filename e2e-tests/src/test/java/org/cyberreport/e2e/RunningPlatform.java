package org.cyberreport.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cyberreport.kit.testing.Http;

/**
 * The platform as a user runs it: {@code ./platform run} starts Keycloak and the five applications
 * as separate processes (on ports of their own, so a local run can go on beside the tests), and
 * {@code ./platform stop} stops exactly those processes, also when a test fails or the JVM exits.
 */
final class RunningPlatform {

    /**
     * Shifts every port, for a machine where another run holds the tests' ports: {@code -10000} gives the
     * launcher's own defaults (8080…, 8180, the console on 8090, whose redirect the local realm knows too).
     */
    private static final int OFFSET = Integer.parseInt(System.getenv().getOrDefault("E2E_PORT_OFFSET", "0"));

    static final int KEYCLOAK = 18180 + OFFSET;
    static final int GATEWAY = 18080 + OFFSET;
    static final int INTAKE = 18081 + OFFSET;
    static final int TRIAGE = 18082 + OFFSET;
    static final int CONSOLE = 18090 + OFFSET;

    /** The management ports (health, metrics, the Prometheus scrape), by application. */
    static final Map<String, Integer> MANAGEMENT = Map.of("gateway", 19080 + OFFSET, "intake", 19081 + OFFSET,
            "triage", 19082 + OFFSET, "cooperation", 19083 + OFFSET, "console", 19090 + OFFSET);

    private static final Map<String, String> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK));
        PORTS.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(19180 + OFFSET));
        PORTS.put("GATEWAY_PORT", String.valueOf(GATEWAY));
        MANAGEMENT.forEach((application, port) ->
                PORTS.put(application.toUpperCase(java.util.Locale.ROOT) + "_MANAGEMENT_PORT", String.valueOf(port)));
        PORTS.put("INTAKE_PORT", String.valueOf(INTAKE));
        PORTS.put("TRIAGE_PORT", String.valueOf(TRIAGE));
        PORTS.put("COOPERATION_PORT", String.valueOf(18083 + OFFSET));
        PORTS.put("CONSOLE_PORT", String.valueOf(CONSOLE));
        PORTS.put("PLATFORM_SKIP_BUILD", "1");
        // The tests file reports faster than an officer would; the limit itself is proven in GatewayIT.
        PORTS.put("GATEWAY_RATE_LIMIT_REQUESTS", "1000");
        // The stand-ins for foreign endpoints listen on loopback: exempt it from the forgery checks, for the tests only.
        PORTS.put("COOPERATION_ALLOWED_FOR_DEVELOPMENT", "127.0.0.1");
    }

    private static boolean started;

    /** Sets an environment variable of the applications; before {@link #start()} only. */
    static synchronized void environment(String name, String value) {
        if (started) {
            throw new IllegalStateException("the platform is running already");
        }
        PORTS.put(name, value);
    }

    /** Removes an environment variable set by {@link #environment}, so that it does not reach the next test's platform. */
    static synchronized void withoutEnvironment(String name) {
        if (started) {
            throw new IllegalStateException("the platform is running already");
        }
        PORTS.remove(name);
    }

    /** The process id the launcher recorded for an application. */
    static long pid(String application) throws IOException {
        return Long.parseLong(Files.readString(Path.of(System.getenv("PLATFORM_RUN_DIR"), "pids", application + ".pid")).trim());
    }

    private RunningPlatform() {
    }

    static synchronized void start() throws IOException, InterruptedException {
        if (started) {
            return;
        }
        refuseTakenPorts();
        deleteRecursively(Path.of(System.getenv("PLATFORM_DATA_DIR")));
        Runtime.getRuntime().addShutdownHook(new Thread(RunningPlatform::stopQuietly));
        started = true;
        int exit = platform("run");
        if (exit != 0) {
            throw new IllegalStateException("./platform run failed with exit code " + exit
                    + "; see " + System.getenv("PLATFORM_RUN_DIR") + "/logs");
        }
    }

    /** Another run on the same ports would answer the tests in this run's stead: say so before starting anything. */
    private static void refuseTakenPorts() {
        for (Map.Entry<String, String> entry : PORTS.entrySet()) {
            if (!entry.getKey().endsWith("_PORT")) {
                continue;
            }
            int port = Integer.parseInt(entry.getValue());
            if (port < 1 || port > 65535) {
                throw new IllegalStateException(entry.getKey() + " would be " + port + "; E2E_PORT_OFFSET=" + OFFSET + " shifts it out of range");
            }
            try (Socket taken = new Socket()) {
                taken.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                throw new IllegalStateException(entry.getKey() + " " + port + " is taken by another process; stop it or choose another E2E_PORT_OFFSET");
            } catch (IOException free) {
                // nothing listens there
            }
        }
    }

    static synchronized void stop() throws IOException, InterruptedException {
        if (started) {
            platform("stop");
            started = false;
            keepLogs();
        }
    }

    private static int runs;

    /** The next test class's platform writes its logs anew: this one's are kept beside them, in logs-N. */
    private static void keepLogs() throws IOException {
        Path logs = Path.of(System.getenv("PLATFORM_RUN_DIR"), "logs");
        if (Files.isDirectory(logs)) {
            Path kept = logs.resolveSibling("logs-" + (++runs));
            Files.createDirectories(kept);
            try (var files = Files.list(logs)) {
                for (Path file : files.toList()) {
                    Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * What a failing test should say about an application: its readiness as its management port answers,
     * the last lines of its log, and its threads (jcmd), so that a failure in CI can be read from its output.
     */
    static String diagnose(String application) {
        StringBuilder said = new StringBuilder("--- " + application + " ---\n");
        try {
            Integer port = MANAGEMENT.get(application);
            if (port != null) {
                Http.Answer ready = new Http(port).get("/actuator/health/readiness", null);
                said.append("readiness: ").append(ready.status()).append(' ').append(ready.body()).append('\n');
            }
        } catch (RuntimeException unreachable) {
            said.append("readiness: ").append(unreachable).append('\n');
        }
        try {
            List<String> log = Files.readAllLines(Path.of(System.getenv("PLATFORM_RUN_DIR"), "logs", application + ".log"));
            said.append("log (last 60 lines):\n");
            log.subList(Math.max(0, log.size() - 60), log.size()).forEach(line -> said.append(line).append('\n'));
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid(application)), "Thread.print").redirectErrorStream(true).redirectInput(NO_INPUT).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            said.append("threads:\n").append(threads);
        } catch (IOException | RuntimeException | InterruptedException failed) {
            said.append("no log or threads: ").append(failed).append('\n');
        }
        return said.toString();
    }

    private static void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException ignored) {
            // best effort while the JVM exits
        }
    }

    /**
     * The standard input of every process the tests start: the fork's own is the test runner's channel,
     * and a process that read from it would corrupt it.
     */
    static final ProcessBuilder.Redirect NO_INPUT = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));

    /** Kills an application as a crash would ({@code kill -9}), by the PID the launcher recorded. */
    static void crash(String application) throws IOException, InterruptedException {
        String pid = Files.readString(Path.of(System.getenv("PLATFORM_RUN_DIR"), "pids", application + ".pid")).trim();
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().redirectInput(NO_INPUT).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
    }

    /** Starts one application of the running platform again and waits until it is ready. */
    static void restart(String application) throws IOException, InterruptedException {
        int exit = platform("start", application);
        if (exit != 0) {
            throw new IllegalStateException("./platform start " + application + " failed with exit code " + exit);
        }
    }

    /** Runs one of the launcher's commands against the running platform; its exit status. */
    static int launcher(String... command) throws IOException, InterruptedException {
        return platform(command);
    }

    private static int platform(String... command) throws IOException, InterruptedException {
        Path root = Path.of(System.getenv("PLATFORM_ROOT")).toRealPath();
        List<String> line = new ArrayList<>(List.of(root.resolve("platform").toString()));
        line.addAll(List.of(command));
        // The output is the test's; the input is not: the fork's standard input is the test runner's own
        // channel, and a server started by the launcher that read from it would corrupt it.
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(NO_INPUT);
        builder.environment().putAll(PORTS);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroy();
            return -1;
        }
        return process.exitValue();
    }

    /** An access token for a demo user, by the password grant of the local-development CLI client. */
    static String tokenFor(String username) {
        return tokenFor(KEYCLOAK, username);
    }

    /** The same from the Keycloak on {@code keycloakPort} (another platform's, say). */
    static String tokenFor(int keycloakPort, String username) {
        Http keycloak = new Http(keycloakPort);
        String form = "grant_type=password&client_id=cyberreport-cli&username=" + encode(username) + "&password=demo";
        Http.Answer answer = keycloak.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + keycloakPort + "/realms/cyberreport/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().get("access_token").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
