package org.cyberreport.intake.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A 50 MB file goes in and comes out again streamed: this test runs in a JVM of its own whose heap is
 * capped at 160 MB (failsafe execution {@code evidence-heap}), with the store on disk and a page cache of 16 MB,
 * so that a service holding the file whole (or twice, as a buffer and its copy) would run out of memory. The
 * peak of the heap's use during the transfers is reported.
 */
@TestPropertySource(properties = {"cyberreport.mongodb.embedded.storage=file",
        "cyberreport.mongodb.embedded.data-dir=target/evidence-heap-store-${random.uuid}", "cyberreport.mongodb.embedded.cache-size=16MB"})
class EvidenceHeapIT extends IntakeIT {

    private static final long SIZE = 50L * 1024 * 1024;
    private static final String CASABLANCA = TestTokens.reporter("MA", "casablanca-cyber");

    @Test
    void fiftyMegabytesStreamInAndOutWithinAFixedHeap() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        // the evidence-heap execution caps the heap and says so; elsewhere (a run naming this test) it is not capped
        org.junit.jupiter.api.Assumptions.assumeTrue("capped".equals(System.getProperty("evidence.heap")),
                "runs in the failsafe execution evidence-heap, whose heap is capped");
        assertThat(maxHeap).as("the evidence-heap execution's -Xmx160m").isLessThanOrEqualTo(200L * 1024 * 1024);
        String reportId = file(CASABLANCA, example("online-fraud")).json().get("id").asString();
        resetPeaks();
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        LiveHeap live = LiveHeap.start();

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpRequest upload = new Http(port).request("/api/reports/" + reportId + "/files?name=recording.bin", CASABLANCA,
                        Map.of("Content-Type", "application/octet-stream"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Generated(SIZE, sent)), SIZE)).build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> attached = client.send(upload, HttpResponse.BodyHandlers.ofString());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        JsonNode file = Http.JSON.readTree(attached.body());
        String expected = HexFormat.of().formatHex(sent.digest());
        assertThat(file.get("size").asLong()).isEqualTo(SIZE);
        assertThat(file.get("sha256").asString()).isEqualTo(expected);
        long peakIn = peakHeapUsed();
        long liveIn = live.stop();
        System.gc();
        System.out.printf("evidence-heap: live heap right after receiving %d MB%n",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
        if (System.getProperty("evidence.histogram") != null) {
            System.out.println(new String(new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                    String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").start().getInputStream().readAllBytes())
                    .lines().limit(25).collect(java.util.stream.Collectors.joining("\n")));
        }
        live = LiveHeap.start();

        resetPeaks();
        HttpResponse<InputStream> download = client.send(new Http(port).request("/api/reports/" + reportId + "/files/"
                + file.get("id").asString() + "/content", CASABLANCA, Map.of()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.update(buffer, 0, read);
                count += read;
            }
        }
        long peakOut = peakHeapUsed();
        long liveOut = live.stop();
        assertThat(count).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
        System.out.printf("evidence-heap: 50 MB in and out with -Xmx%d MB: live heap before %d MB, at most %d MB while "
                + "receiving and %d MB while sending (after full collections every 100 ms); pools' peaks %d and %d MB%n",
                maxHeap >> 20, baseline >> 20, liveIn >> 20, liveOut >> 20, peakIn >> 20, peakOut >> 20);
        // a service that held the file whole would have had 50 MB more live at some moment
        assertThat(liveIn - baseline).as("live heap added while receiving").isLessThan(SIZE / 2);
        assertThat(liveOut - baseline).as("live heap added while sending").isLessThan(SIZE / 2);
        assertThat(peakIn).as("heap peak while receiving").isLessThan(maxHeap);
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The live heap (used right after a full collection), sampled every 100 ms until stopped: its maximum. */
    private static final class LiveHeap {
        private volatile boolean running = true;
        private volatile long max;
        private final Thread sampler = new Thread(this::sample, "live-heap");

        static LiveHeap start() {
            LiveHeap live = new LiveHeap();
            live.sampler.setDaemon(true);
            live.sampler.start();
            return live;
        }

        private void sample() {
            while (running) {
                System.gc();
                max = Math.max(max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return max;
        }
    }

    /** {@code size} pseudo-random bytes, digested as they are read, never held. */
    private static final class Generated extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private final Random random = new Random(42);
        private long given;

        Generated(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (given >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - given);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            digest.update(chunk);
            given += n;
            return n;
        }
    }
}
