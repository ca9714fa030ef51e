package org.cyberreport.gateway;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis server (Debian's {@code redis-server}) on a free loopback port, without persistence,
 * with a password, started and stopped by its PID. Missing binary: the test fails and says what to install.
 */
final class RedisServer implements AutoCloseable {

    private final Path binary;
    private final int port;
    private final String password;
    private final Path log;
    private Process process;

    private RedisServer(Path binary, int port, String password) {
        this.binary = binary;
        this.port = port;
        this.password = password;
        this.log = Path.of("target", "redis-" + port + ".log");
    }

    static RedisServer start(String password) {
        RedisServer server = new RedisServer(binary(), freePort(), password);
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    void start() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(List.of(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--requirepass", password, "--dir", log.getParent().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + binary, e);
        }
        await("redis-server on port " + port + " (log: " + log + ")").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited with " + process.exitValue() + ", see " + log);
                    }
                    return answersPing();
                });
    }

    /** Stops the server by its PID (SIGTERM) and waits until it is gone. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write(("AUTH " + password + "\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+OK".equals(reader.readLine()) && "+PONG".equals(reader.readLine());
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Path binary() {
        String configured = System.getenv("REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Stream.concat(Stream.of("/usr/bin/redis-server"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(folder -> !folder.isBlank())
                                .map(folder -> folder + "/redis-server"))
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The shared rate-limit tests need a real Redis server, and "
                        + "redis-server is neither at /usr/bin/redis-server nor on the PATH. Install it "
                        + "(apt-get install -y redis-server; .ci/run does so when it is missing) or set REDIS_SERVER to its path."));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
