package org.cyberreport.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

/**
 * A benchmark, not a test ({@code ./platform benchmark scale}): the whole platform (real Keycloak,
 * separate processes) with 1,000, 10,000 and 100,000 reports stored, each with identifiers of its own.
 * The stores are filled through the database driver with copies of reports that were filed, handed
 * off and correlated for real (every identifier renamed per copy); what is measured at each size goes
 * through HTTP: filing at a fixed concurrency straight to intake and through the gateway, CPU per
 * report in intake and triage, 201 → stored as a case at 80% of the maximum rate, the relay's
 * backlog, the first page of a unit's reports and of the queue once the platform has caught up (after
 * 20 calls that compile their code); and, at the end, start-up with
 * 100,000 reports against start-up with none.
 */
class ScaleBenchmark {

    private static final int INTAKE_DB = 28081;
    private static final int TRIAGE_DB = 28082;
    /** The sizes and the reports filed per measurement can be made smaller to try the benchmark out. */
    private static final int[] SIZES = java.util.Arrays.stream(System.getProperty("scale.sizes", "1000,10000,100000")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    private static final int SEEDS = 50;
    private static final int MEASURED = Integer.getInteger("scale.measured", 400);
    private static final int CONCURRENCY = 4;
    /** Measurements straight to intake and through the gateway alternate, in this many rounds each. */
    private static final int ROUNDS = 4;
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private static final Http INTAKE = new Http(RunningPlatform.INTAKE);
    private static final Http TRIAGE = new Http(RunningPlatform.TRIAGE);
    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);

    private static MongoClient intakeClient;
    private static MongoClient triageClient;
    private final AtomicInteger serial = new AtomicInteger(200_000);
    private final StringBuilder report = new StringBuilder();

    @BeforeAll
    static void start() throws Exception {
        RunningPlatform.environment("INTAKE_EMBEDDED_PORT", String.valueOf(INTAKE_DB));
        RunningPlatform.environment("TRIAGE_EMBEDDED_PORT", String.valueOf(TRIAGE_DB));
        RunningPlatform.environment("GATEWAY_RATE_LIMIT_REQUESTS", "100000");
        RunningPlatform.start();
        intakeClient = MongoClients.create("mongodb://127.0.0.1:" + INTAKE_DB);
        triageClient = MongoClients.create("mongodb://127.0.0.1:" + TRIAGE_DB);
    }

    @AfterAll
    static void stop() throws Exception {
        intakeClient.close();
        triageClient.close();
        RunningPlatform.stop();
    }

    @Test
    void everyOperationAtAYearsVolume() throws Exception {
        String reporter = RunningPlatform.tokenFor("reporter.ma");
        String officer = RunningPlatform.tokenFor("triage.ma");
        Map<String, Start> emptyStarts = Map.of("intake", restart("intake"), "triage", restart("triage"));

        fileAndSettle(reporter, INTAKE, SEEDS, CONCURRENCY);
        Map<String, List<Document>> intakeSeeds = snapshot(intake());
        Map<String, List<Document>> triageSeeds = snapshot(triage());
        // Compiled code, warm caches: the first size is not charged for the start-up of the JVMs.
        fileAndSettle(reporter, INTAKE, MEASURED / 2, CONCURRENCY);
        fileAndSettle(reporter, GATEWAY, MEASURED / 2, CONCURRENCY);

        List<Row> rows = new ArrayList<>();
        for (int size : SIZES) {
            long missing = size - intake().getCollection("reports").estimatedDocumentCount();
            long filled = fill(intakeSeeds, triageSeeds, missing);
            System.out.printf("filled %,d copies; %,d reports stored%n", filled,
                    intake().getCollection("reports").estimatedDocumentCount());
            awaitSealed();
            awaitQuiet();
            reporter = RunningPlatform.tokenFor("reporter.ma");
            officer = RunningPlatform.tokenFor("triage.ma");
            rows.add(measure(size, reporter, officer));
        }
        Map<String, Start> fullStarts = Map.of("intake", restart("intake"), "triage", restart("triage"));
        write(rows, emptyStarts, fullStarts);
    }

    // --- what is measured at one size ---------------------------------------------------------------

    private Row measure(int size, String reporter, String officer) throws Exception {
        // Straight to intake and through the gateway in alternating rounds, so that whatever drifts during
        // the measurement (the store's background work, the JIT, the machine) weighs on both alike.
        List<Filing> direct = new ArrayList<>();
        List<Filing> viaGateway = new ArrayList<>();
        long intakeCpu = 0;
        long triageCpu = 0;
        long gatewayCpu = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long intakeBefore = cpuMillis("intake");
            long triageBefore = cpuMillis("triage");
            direct.add(fileAndSettle(reporter, INTAKE, MEASURED / ROUNDS, CONCURRENCY));
            intakeCpu += cpuMillis("intake") - intakeBefore;
            triageCpu += cpuMillis("triage") - triageBefore;
            long gatewayBefore = cpuMillis("gateway");
            viaGateway.add(fileAndSettle(reporter, GATEWAY, MEASURED / ROUNDS, CONCURRENCY));
            gatewayCpu += cpuMillis("gateway") - gatewayBefore;
        }
        double intakeCpuPerReport = intakeCpu / (double) MEASURED;
        double triageCpuPerReport = triageCpu / (double) MEASURED;
        Filing directTotal = Filing.of(direct);
        // The platform's maximum rate is what it files and hands on to triage: filing faster only grows the backlog.
        Paced paced = paced(size, reporter, directTotal.settledRate() * 0.8);

        // The pages as an officer opens them once the platform has caught up (the relays drained, the audit
        // chain sealed): what a page costs with this many reports stored, not the filing just measured. The
        // first calls compile the pages' code and are not counted.
        awaitQuiet();
        String reader = RunningPlatform.tokenFor("reporter.ma");
        String triageOfficer = RunningPlatform.tokenFor("triage.ma");
        Runnable unitPageCall = () -> requireOk(INTAKE.get("/api/reports?size=20", reader));
        Runnable queuePageCall = () -> requireOk(TRIAGE.get("/api/triage/cases?size=20", triageOfficer));
        timed(20, unitPageCall);
        timed(20, queuePageCall);
        List<Long> unitPage = timed(200, unitPageCall);
        List<Long> queuePage = timed(200, queuePageCall);
        System.out.printf("%,d stored: slowest unit pages %s ms, slowest queue pages %s ms%n", size, slowest(unitPage),
                slowest(queuePage));
        return new Row(size, directTotal, Filing.of(viaGateway), intakeCpuPerReport, triageCpuPerReport,
                gatewayCpu / (double) MEASURED, paced,
                percentile(unitPage, 0.50), percentile(unitPage, 0.99), percentile(queuePage, 0.50),
                percentile(queuePage, 0.99));
    }

    /** Files reports at a fixed concurrency, then waits until intake has handed off all and triage has them. */
    private Filing fileAndSettle(String token, Http to, int count, int concurrency) throws Exception {
        long casesBefore = triage().getCollection("cases").estimatedDocumentCount();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger left = new AtomicInteger(count);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        long sent = System.nanoTime();
                        Http.Answer answer = file(token, to);
                        latencies.add(System.nanoTime() - sent);
                        if (answer.status() != 201) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        awaitTriageHas(casesBefore + count - refused.get());
        double settled = (System.nanoTime() - started) / 1e9;
        if (refused.get() > 0) {
            System.out.printf("%d filings were refused%n", refused.get());
        }
        return new Filing(count, seconds, settled, List.copyOf(latencies));
    }

    /**
     * Files at a steady rate and measures, per report, the delay from its 201 to its case being stored
     * in triage (which is what the queue reads), looked for every 20 ms; and the relay's backlog.
     */
    private Paced paced(int size, String token, double perSecond) throws Exception {
        Map<String, Long> filedAt = new ConcurrentHashMap<>();
        List<String> trace = Collections.synchronizedList(new ArrayList<>());
        long begun = System.nanoTime();
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicLong mostWaiting = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = (long) (1_000_000 / perSecond);
        pace.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() <= MEASURED) {
                senders.execute(() -> {
                    Http.Answer answer = file(token, INTAKE);
                    if (answer.status() == 201) {
                        filedAt.put(answer.json().get("id").asString(), System.nanoTime());
                    }
                });
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MEASURED / Math.max(1, (long) perSecond) + 120);
        while ((sent.get() < MEASURED || !filedAt.isEmpty()) && System.nanoTime() < deadline) {
            Set<String> pending = Set.copyOf(filedAt.keySet());
            if (!pending.isEmpty()) {
                for (Document found : triage().getCollection("cases").find(Filters.in("_id", pending))
                        .projection(new Document("_id", 1))) {
                    Long at = filedAt.remove(found.getString("_id"));
                    if (at != null) {
                        long now = System.nanoTime();
                        delays.add(now - at);
                        trace.add("%d,%d,%s".formatted(TimeUnit.NANOSECONDS.toMillis(at - begun),
                                TimeUnit.NANOSECONDS.toMillis(now - at), found.getString("_id")));
                    }
                }
            }
            mostWaiting.accumulateAndGet(intake().getCollection("reports")
                    .countDocuments(Filters.eq("handoff.state", "PENDING")), Math::max);
            TimeUnit.MILLISECONDS.sleep(20);
        }
        pace.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
        // Each report's 201 (ms after the first was sent) and its delay until triage had it: where the tail comes from.
        Path traced = Path.of("target", "benchmarks", "scale-handoff-delays-%d.csv".formatted(size));
        Files.createDirectories(traced.getParent());
        Files.write(traced, Stream.concat(Stream.of("filed_at_ms,delay_ms,report"), trace.stream().sorted(
                Comparator.comparingLong(line -> Long.parseLong(line.substring(0, line.indexOf(','))))))
                .toList());
        return new Paced(perSecond, delays.size(), percentile(delays, 0.50), percentile(delays, 0.99),
                mostWaiting.get(), mostWaiting.get() / perSecond);
    }

    private Http.Answer file(String token, Http to) {
        return to.post("/api/reports", token, Reports.onlineFraud(Reports.Kind.SMALL, serial.incrementAndGet()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    /** Until triage has the cases and intake has marked every hand-off delivered (copies must not be re-sent). */
    private void awaitTriageHas(long cases) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while ((triage().getCollection("cases").estimatedDocumentCount() < cases
                || intake().getCollection("reports").countDocuments(Filters.eq("handoff.state", "PENDING")) > 0)
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /**
     * Until intake's and triage's audit chains hold every copied record: what the sealers do once, for the
     * whole fill, and what a unit's year spreads over the year. How long it took is printed (a figure of the
     * sealing rate); the measurement then sees only what new filings add to the chains.
     */
    private static void awaitSealed() throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(20);
        for (MongoDatabase database : List.of(intake(), triage())) {
            long unsealed = database.getCollection("audit_log").countDocuments(new Document("sealed", false));
            long first = unsealed;
            while (unsealed > 0 && System.nanoTime() < deadline) {
                TimeUnit.SECONDS.sleep(2);
                unsealed = database.getCollection("audit_log").countDocuments(new Document("sealed", false));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %,d audit records sealed into the chain in %.0f s (%,.0f per second); %,d left%n",
                    database.getName(), first - unsealed, seconds, (first - unsealed) / Math.max(seconds, 1), unsealed);
            started = System.nanoTime();
        }
    }

    /**
     * Until intake and triage are idle again after a fill: the store's background writer compacts what
     * a fill of tens of thousands of documents in a minute left behind, work that filing at a real pace
     * spreads thinly and that is not what is measured here (at most three minutes).
     */
    private static void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            long intake = cpuMillis("intake");
            long triage = cpuMillis("triage");
            TimeUnit.SECONDS.sleep(2);
            long busy = cpuMillis("intake") - intake + cpuMillis("triage") - triage;
            if (busy < 200) { // under 5% of the two cores over two seconds
                return;
            }
        }
        System.out.println("intake and triage were still busy after three minutes");
    }

    private static List<Long> slowest(List<Long> durations) {
        return durations.stream().sorted(Comparator.reverseOrder()).limit(5).map(TimeUnit.NANOSECONDS::toMillis).toList();
    }

    private static void requireOk(Http.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("a page answered " + answer.status() + ": " + answer.body());
        }
    }

    private static List<Long> timed(int times, Runnable call) {
        List<Long> durations = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            call.run();
            durations.add(System.nanoTime() - started);
        }
        return durations;
    }

    // --- filling the stores with copies of real reports ---------------------------------------------

    private static Map<String, List<Document>> snapshot(MongoDatabase database) {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String name : database.listCollectionNames()) {
            List<Document> all = database.getCollection(name).find().into(new ArrayList<>());
            // counters and settings do not grow with reports: only what has a document per report or more
            if (!name.startsWith("system.") && all.size() >= SEEDS) {
                documents.put(name, all);
            }
        }
        return documents;
    }

    /** Adds copies of the seed reports (intake's documents and triage's), every identifier renamed per copy. */
    private long fill(Map<String, List<Document>> intakeSeeds, Map<String, List<Document>> triageSeeds, long reports) {
        long rounds = (reports + SEEDS - 1) / SEEDS;
        Map<String, List<Document>> intakeBatches = new HashMap<>();
        Map<String, List<Document>> triageBatches = new HashMap<>();
        for (long round = 0; round < rounds; round++) {
            Renaming renaming = new Renaming();
            copy(intakeSeeds, renaming, intakeBatches, intake());
            copy(triageSeeds, renaming, triageBatches, triage());
        }
        flush(intakeBatches, intake());
        flush(triageBatches, triage());
        return rounds * SEEDS;
    }

    private static void copy(Map<String, List<Document>> seeds, Renaming renaming, Map<String, List<Document>> batches,
                             MongoDatabase database) {
        seeds.forEach((collection, documents) -> {
            List<Document> batch = batches.computeIfAbsent(collection, name -> new ArrayList<>());
            for (Document seed : documents) {
                Document copy = Document.parse(renaming.apply(seed.toJson(EXTENDED)));
                copy.remove("pendingAudit");
                if (collection.equals("audit_log")) {
                    // a copy joins the service's audit chain as a record written now would: unsealed, then sealed
                    // by the service in its turn (a year's trail is one chain, not copies of the seeds' places)
                    copy.remove("link");
                    copy.remove("previousHash");
                    copy.remove("hash");
                    copy.put("sealed", false);
                } else if (collection.equals("hit_tags")) {
                    // an entry of the hit/no-hit table is named by a hash of its identifier and case, and tagged
                    // by a keyed function of the identifier: the renamed copy's are others, as random as those
                    copy.put("_id", randomToken(32));
                    copy.put("tag", randomToken(16));
                    copy.put("sealed", randomToken(seed.getString("sealed").length() * 3 / 4));
                }
                batch.add(copy);
            }
            if (batch.size() >= 2_000) {
                database.getCollection(collection).insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        });
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void flush(Map<String, List<Document>> batches, MongoDatabase database) {
        batches.forEach((collection, batch) -> {
            if (!batch.isEmpty()) {
                database.getCollection(collection).insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        });
    }

    /** One copy's new names: each id, reference, cluster, phone number and account of the seeds, consistently. */
    private static final class Renaming {

        private static final Pattern NAMES = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" // ids, keys
                        + "|[A-Z]{2}-\\d{4}-\\d{6}" // references: country, year, number
                        + "|cluster-[0-9a-f]{24}" // cluster ids
                        + "|\"\\$oid\": \"[0-9a-f]{24}\"" // object ids
                        + "|\\+447911\\d{6}" // the seeds' phone numbers
                        + "|DE\\d{2}37040044\\d{10}"); // the seeds' accounts
        private static final AtomicLong NEXT = new AtomicLong(1);

        private final Map<String, String> names = new HashMap<>();

        String apply(String json) {
            Matcher matcher = NAMES.matcher(json);
            StringBuilder renamed = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(renamed, Matcher.quoteReplacement(names.computeIfAbsent(matcher.group(), Renaming::fresh)));
            }
            matcher.appendTail(renamed);
            return renamed.toString();
        }

        private static String fresh(String name) {
            long next = NEXT.getAndIncrement();
            if (name.matches("[A-Z]{2}-\\d{4}-\\d{6}")) {
                return name.substring(0, 2) + "-2019-%06d".formatted(next % 1_000_000); // a year of their own
            } else if (name.startsWith("cluster-")) {
                return "cluster-%024x".formatted(next);
            } else if (name.startsWith("\"$oid\"")) {
                return "\"$oid\": \"%024x\"".formatted(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
            } else if (name.startsWith("+44")) {
                return "+4479%08d".formatted(next);
            } else if (name.startsWith("DE")) {
                return "DE00%018d".formatted(next);
            }
            return UUID.randomUUID().toString();
        }
    }

    // --- processes ------------------------------------------------------------------------------------

    private static long cpuMillis(String application) throws Exception {
        String[] stat = Files.readString(Path.of("/proc", String.valueOf(RunningPlatform.pid(application)), "stat"))
                .replaceAll("^.*\\) ", "").split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    private static long rssMebibytes(String application) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(RunningPlatform.pid(application)), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** Kills an application as a crash would, starts it again and measures until it is ready. */
    private static Start restart(String application) throws Exception {
        RunningPlatform.crash(application);
        long started = System.nanoTime();
        RunningPlatform.restart(application);
        return new Start((System.nanoTime() - started) / 1_000_000, rssMebibytes(application));
    }

    private static MongoDatabase intake() {
        return intakeClient.getDatabase("intake");
    }

    private static MongoDatabase triage() {
        return triageClient.getDatabase("triage");
    }

    // --- the report -----------------------------------------------------------------------------------

    private void write(List<Row> rows, Map<String, Start> empty, Map<String, Start> full) throws Exception {
        report.append("Scale: reports stored, each with identifiers of its own; ").append(MEASURED)
                .append(" reports filed per measurement, ").append(CONCURRENCY).append(" at a time\n\n");
        report.append("| stored | filed/s direct | filed and in triage /s | p50/p99 ms direct | filed/s gateway | p99 ms gateway | gateway ÷ direct "
                + "| intake CPU ms/report | triage CPU ms/report | gateway CPU ms/report | paced at /s | 201→case p50/p99 ms | most waiting (s of filing) "
                + "| unit page p50/p99 ms | queue page p50/p99 ms |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            report.append("| %,d | %.1f | %.1f | %d / %d | %.1f | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %d / %d | %d (%.2f) | %d / %d | %d / %d |\n".formatted(
                    row.size(), row.direct().rate(), row.direct().settledRate(), row.direct().p50(), row.direct().p99(), row.gateway().rate(),
                    row.gateway().p99(), row.gateway().rate() / row.direct().rate(), row.intakeCpu(), row.triageCpu(), row.gatewayCpu(),
                    row.paced().rate(), row.paced().p50(), row.paced().p99(), row.paced().mostWaiting(),
                    row.paced().waitingSeconds(), row.unitPageP50(), row.unitPage(), row.queuePageP50(), row.queuePage()));
        }
        Row first = rows.get(0);
        Row last = rows.get(rows.size() - 1);
        report.append("\nCPU per report at %,d ÷ at %,d: intake %.2f, triage %.2f (target ≤ 1.2)\n".formatted(
                last.size(), first.size(), last.intakeCpu() / first.intakeCpu(), last.triageCpu() / first.triageCpu()));
        for (String application : List.of("intake", "triage")) {
            report.append("Start-up of %s: %d ms with none stored, %d ms with %,d (ratio %.2f, target ≤ 2); RSS %d → %d MiB\n"
                    .formatted(application, empty.get(application).millis(), full.get(application).millis(), last.size(),
                            full.get(application).millis() / (double) empty.get(application).millis(),
                            empty.get(application).rssMebibytes(), full.get(application).rssMebibytes()));
        }
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "scale.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static long percentile(List<Long> nanos, double quantile) {
        List<Long> sorted = nanos.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(index));
    }

    /** Reports filed, seconds to file them, seconds until triage had them all, and each filing's latency. */
    record Filing(int count, double seconds, double settledSeconds, List<Long> latencies) {

        static Filing of(List<Filing> rounds) {
            return new Filing(rounds.stream().mapToInt(Filing::count).sum(), rounds.stream().mapToDouble(Filing::seconds).sum(),
                    rounds.stream().mapToDouble(Filing::settledSeconds).sum(),
                    rounds.stream().flatMap(round -> round.latencies().stream()).toList());
        }

        /** Filed per second. */
        double rate() {
            return count / seconds;
        }

        /** Filed and stored as cases in triage per second: the platform's rate. */
        double settledRate() {
            return count / settledSeconds;
        }

        long p50() {
            return percentile(latencies, 0.50);
        }

        long p99() {
            return percentile(latencies, 0.99);
        }
    }

    record Paced(double rate, int seen, long p50, long p99, long mostWaiting, double waitingSeconds) {
    }

    record Row(int size, Filing direct, Filing gateway, double intakeCpu, double triageCpu, double gatewayCpu, Paced paced, long unitPageP50,
               long unitPage, long queuePageP50, long queuePage) {
    }

    record Start(long millis, long rssMebibytes) {
    }
}
