package org.cyberreport.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cyberreport.kit.testing.Http;

/**
 * A second deployment of the platform, for another country, beside the one {@link RunningPlatform} runs:
 * its own Keycloak (its own realm keys), services, databases, run and data folders, on ports 10,000 above.
 * Started and stopped by the same launcher ({@code ./platform run}, {@code ./platform stop}).
 */
final class PartnerPlatform {

    private static final int OFFSET = 10_000 + Integer.parseInt(System.getenv().getOrDefault("E2E_PORT_OFFSET", "0"));

    final String country;
    final int keycloak = 18180 + OFFSET;
    final int gateway = 18080 + OFFSET;
    private final Path runDir = Path.of(System.getenv("PLATFORM_RUN_DIR") + "-partner");
    final Path dataDir = Path.of(System.getenv("PLATFORM_DATA_DIR") + "-partner");
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean started;

    PartnerPlatform(String country) {
        this.country = country;
        environment.put("PLATFORM_RUN_DIR", runDir.toString());
        environment.put("PLATFORM_DATA_DIR", dataDir.toString());
        environment.put("PLATFORM_SKIP_BUILD", "1");
        environment.put("PLATFORM_MAIL", "off");
        environment.put("KEYCLOAK_PORT", String.valueOf(keycloak));
        environment.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(19180 + OFFSET));
        environment.put("GATEWAY_PORT", String.valueOf(gateway));
        environment.put("INTAKE_PORT", String.valueOf(18081 + OFFSET));
        environment.put("TRIAGE_PORT", String.valueOf(18082 + OFFSET));
        environment.put("COOPERATION_PORT", String.valueOf(18083 + OFFSET));
        environment.put("CONSOLE_PORT", String.valueOf(18090 + OFFSET));
        environment.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(19080 + OFFSET));
        environment.put("INTAKE_MANAGEMENT_PORT", String.valueOf(19081 + OFFSET));
        environment.put("TRIAGE_MANAGEMENT_PORT", String.valueOf(19082 + OFFSET));
        environment.put("COOPERATION_MANAGEMENT_PORT", String.valueOf(19083 + OFFSET));
        environment.put("CONSOLE_MANAGEMENT_PORT", String.valueOf(19090 + OFFSET));
        // no mail server here: a port nothing listens on (the notices are kept in the console)
        environment.put("MAIL_SMTP_PORT", String.valueOf(13025 + OFFSET));
        environment.put("GATEWAY_RATE_LIMIT_REQUESTS", "1000");
        environment.put("COOPERATION_ALLOWED_FOR_DEVELOPMENT", "127.0.0.1");
        environment.put("COOPERATION_PUBLIC_BASE_URL", "http://127.0.0.1:" + gateway);
        environment.put("CYBERREPORT_HITCHECK_COUNTRY", country);
    }

    Http gateway() {
        return new Http(gateway);
    }

    void start() throws IOException, InterruptedException {
        deleteRecursively(dataDir);
        started = true;
        if (launcher("run") != 0) {
            throw new IllegalStateException("the partner platform did not start; see " + runDir + "/logs");
        }
    }

    void stop() throws IOException, InterruptedException {
        if (started) {
            launcher("stop");
            started = false;
        }
    }

    Path logs() {
        return runDir.resolve("logs");
    }

    String tokenFor(String username) {
        return RunningPlatform.tokenFor(keycloak, username);
    }

    private int launcher(String command) throws IOException, InterruptedException {
        Path root = Path.of(System.getenv("PLATFORM_ROOT")).toRealPath();
        List<String> line = new ArrayList<>(List.of(root.resolve("platform").toString(), command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(RunningPlatform.NO_INPUT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroy();
            return -1;
        }
        return process.exitValue();
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
