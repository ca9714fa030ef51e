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
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A benchmark, not a test (run on purpose: {@code ./platform benchmark}). Requests go to ten
 * destination countries; the throughput to nine of them is measured once with all ten answering and
 * once with the tenth accepting connections and never answering, in the same run. With a bulkhead
 * and a circuit breaker per country, the ratio of the two should stay near 1. Every round's requests stay
 * stored for the next (the tenth country's undelivered ones pile up while it hangs), as in the field;
 * while the tenth country's breaker is open or its bulkhead full, the relay claims none of its requests,
 * so the count of hand-offs claimed and put back unsent ("held back") stays at zero.
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
    private static final int OFFERED_PER_SECOND = 20;
    private static final int ROUND_SECONDS = 15;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MeterRegistry meters;

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
                    and a breaker per country; requests stored first (earlier rounds' requests kept), then the relay
                    started and timed until the nine countries' requests are all delivered. Median of 3 alternating
                    rounds after a warm-up.
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

    /**
     * The load as it comes in the field: 20 requests a second offered round-robin to the ten countries
     * while the relay runs, and every round's requests left stored for the next (so the tenth country's
     * undelivered requests pile up when it hangs). Each round's rate is the nine countries' requests of
     * that round over the time until the last of them is delivered.
     */
    @Test
    void offeredLoadToNineCountriesWithAndWithoutATenthThatHangs() throws Exception {
        WireMockServer abroad = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        abroad.start();
        abroad.stubFor(post("/inbox").willReturn(aResponse().withStatus(202).withFixedDelay(20)));
        try (ServerSocket hanging = new ServerSocket(0, 500, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = Thread.ofVirtual().start(() -> acceptAndNeverAnswer(hanging));
            String answering = "http://127.0.0.1:" + abroad.port() + "/inbox";
            String silent = "http://127.0.0.1:" + hanging.getLocalPort() + "/inbox";
            for (String country : HEALTHY) {
                point(country, answering);
            }
            relay.start();
            point(HANGING, answering);
            offered(); // warm-up
            List<Round> all = new ArrayList<>();
            List<Round> withHanging = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                point(HANGING, answering);
                all.add(offered());
                point(HANGING, silent);
                withHanging.add(offered());
            }
            long stored = mongo.count(new Query(), "requests");
            long waiting = mongo.count(Query.query(Criteria.where("destinationCountry").is(HANGING)
                    .and("forwarding.state").is("PENDING")), "requests");
            double allAnswering = median(all.stream().map(Round::rate).toList());
            double oneHanging = median(withHanging.stream().map(Round::rate).toList());
            String report = """
                    Forwarding under an offered load: %d requests a second round-robin to 10 countries for %d s a round,
                    the relay running, earlier rounds' requests kept (%,d stored at the end, %d of them to the 10th
                    country still waiting). Rate: the 9 answering countries' requests of a round over the time until the
                    last is delivered; median of 3 alternating rounds. CPU: the whole test process (service, stand-ins and
                    load) per request delivered to the 9; held back: hand-offs claimed and put back unsent, per round.
                      all 10 answering:          %.1f deliveries/s to the 9   (rounds %s)   CPU %s ms   held back %s
                      the 10th never answering:  %.1f deliveries/s to the 9   (rounds %s)   CPU %s ms   held back %s
                      ratio (hanging / all):     %.2f   (target >= 0.9)
                    """.formatted(OFFERED_PER_SECOND, ROUND_SECONDS, stored, waiting,
                    allAnswering, rounded(all, Round::rate), rounded(all, Round::cpuMillisPerDelivery),
                    rounded(all, Round::heldBack),
                    oneHanging, rounded(withHanging, Round::rate), rounded(withHanging, Round::cpuMillisPerDelivery),
                    rounded(withHanging, Round::heldBack), oneHanging / allAnswering);
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "forwarding-offered-load.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            acceptor.interrupt();
        } finally {
            relay.stop();
            abroad.stop();
        }
    }

    /** One round of the offered load: its rate to the nine, and what the round cost. */
    record Round(double rate, double cpuMillisPerDelivery, double heldBack) {
    }

    private Round offered() throws InterruptedException {
        double heldBackBefore = heldBack();
        long cpuBefore = processCpuNanos();
        List<String> nine = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        int total = OFFERED_PER_SECOND * ROUND_SECONDS;
        List<String> countries = new ArrayList<>(HEALTHY);
        countries.add(HANGING);
        java.util.concurrent.ScheduledExecutorService pace = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        pace.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n < total) {
                String country = countries.get(n % countries.size());
                senders.execute(() -> {
                    String id = send(country);
                    if (!country.equals(HANGING)) {
                        nine.add(id);
                    }
                });
            }
        }, 0, 1_000 / OFFERED_PER_SECOND, TimeUnit.MILLISECONDS);
        long delivered = 0;
        int expected = total - total / countries.size();
        do {
            TimeUnit.MILLISECONDS.sleep(50);
            if (nine.size() == expected) {
                delivered = mongo.count(Query.query(Criteria.where("_id").in(List.copyOf(nine))
                        .and("forwarding.state").is("DELIVERED")), "requests");
            }
        } while (delivered < expected && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(ROUND_SECONDS + 120));
        pace.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        return new Round(delivered / ((System.nanoTime() - start) / 1e9),
                (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, delivered), heldBack() - heldBackBefore);
    }

    private double heldBack() {
        var counter = meters.find("outbox.delivery.attempts").tag("outbox", "foreign").tag("outcome", "held-back").counter();
        return counter == null ? 0 : counter.count();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String rounded(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        return rounds.stream().map(round -> String.format("%.1f", figure.applyAsDouble(round))).toList().toString();
    }

    /** Stores the same load for the nine healthy countries (and the tenth), then times the nine's deliveries. */
    private double run() throws InterruptedException {
        relay.stop();
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
