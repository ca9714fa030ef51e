package org.cyberreport.cooperation.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.outbox.OutboxRelay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * A benchmark, not a test (run on purpose: {@code ./platform benchmark}). Requests go to ten
 * destination countries; the throughput to nine of them is measured once with all ten answering and
 * once with the tenth accepting connections and never answering, in the same run. With a bulkhead
 * and a circuit breaker per country, the ratio of the two should stay near 1.
 */
@TestPropertySource(properties = {
        "cyberreport.cooperation.forwarding.poll-interval=50ms",
        "cyberreport.cooperation.forwarding.timeout=5s",
        "cyberreport.cooperation.forwarding.first-backoff=200ms",
        "cyberreport.cooperation.forwarding.max-backoff=1s",
        "cyberreport.cooperation.forwarding.max-attempts=1000",
        "logging.level.org.cyberreport.kit.outbox=WARN"})
class ForwardingIsolationBenchmark extends CooperationIT {

    private static final List<String> HEALTHY = List.of("FR", "DE", "IT", "ES", "NL", "BE", "PT", "GB", "CH");
    private static final String HANGING = "AT";
    private static final int PER_COUNTRY = 40;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    OutboxRelay relay;

    @Test
    void throughputToNineCountriesWithAndWithoutATenthThatHangs() throws Exception {
        WireMockServer abroad = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        abroad.start();
        abroad.stubFor(post("/inbox").willReturn(aResponse().withStatus(202).withFixedDelay(20)));
        try (ServerSocket hanging = new ServerSocket(0, 500, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = Thread.ofVirtual().start(() -> acceptAndNeverAnswer(hanging));
            for (String country : HEALTHY) {
                point(country, "http://127.0.0.1:" + abroad.port() + "/inbox");
            }

            String answering = "http://127.0.0.1:" + abroad.port() + "/inbox";
            String silent = "http://127.0.0.1:" + hanging.getLocalPort() + "/inbox";
            point(HANGING, answering);
            run(); // warm-up
            List<Double> all = new ArrayList<>();
            List<Double> withHanging = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                point(HANGING, answering);
                all.add(run());
                point(HANGING, silent);
                withHanging.add(run());
            }
            double allAnswering = median(all);
            double oneHanging = median(withHanging);

            String report = """
                    Forwarding to 9 countries, %d requests each (plus %d to a 10th), through the relay with a bulkhead
                    and a breaker per country; requests stored first, then the relay started and timed until the
                    nine countries' requests are all delivered. Median of 3 alternating rounds after a warm-up.
                      all 10 answering:          %.1f deliveries/s to the 9   (rounds %s)
                      the 10th never answering:  %.1f deliveries/s to the 9   (rounds %s)
                      ratio (hanging / all):     %.2f
                    """.formatted(PER_COUNTRY, PER_COUNTRY, allAnswering, rounded(all), oneHanging, rounded(withHanging),
                    oneHanging / allAnswering);
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "forwarding-isolation.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            acceptor.interrupt();
        } finally {
            abroad.stop();
        }
    }

    /** Stores the same load for the nine healthy countries (and the tenth), then times the nine's deliveries. */
    private double run() throws InterruptedException {
        relay.stop();
        mongo.remove(new Query(), "requests");
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        List<String> nine = new ArrayList<>();
        for (int i = 0; i < PER_COUNTRY; i++) {
            for (String country : HEALTHY) {
                nine.add(send(country));
            }
            send(HANGING);
        }
        long start = System.nanoTime();
        relay.start();
        long delivered;
        do {
            TimeUnit.MILLISECONDS.sleep(20);
            delivered = mongo.count(Query.query(Criteria.where("_id").in(nine).and("forwarding.state").is("DELIVERED")),
                    "requests");
        } while (delivered < nine.size() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120));
        return delivered / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.0f", v)).toList().toString();
    }

    private String send(String country) {
        return http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo(country, true)).json().get("id").asString();
    }

    private void point(String country, String endpoint) {
        put("/api/cooperation/directory/" + country, ADMIN, "{\"delivery\":\"PUSH\",\"endpoint\":\"" + endpoint + "\"}");
    }

    private static void acceptAndNeverAnswer(ServerSocket server) {
        List<Socket> held = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // the benchmark is over
        }
    }
}
