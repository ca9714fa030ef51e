package org.cyberreport.intake.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.audit.AuditChain;
import org.cyberreport.kit.audit.AuditTrail;
import org.cyberreport.kit.security.Caller;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * The audit trail for auditors: read through the API by user, record, action and time (by nobody else),
 * each reading recorded in turn; and tamper-evident: the records are sealed into a hash chain whose
 * verification passes, and fails at the right record once one is edited or removed in the database.
 */
class AuditTrailIT extends IntakeIT {

    private static final String AUDITOR = TestTokens.user("dpa.auditor", List.of("auditor"), null, null);
    private static final String REPORTER_ONE = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String REPORTER_TWO = TestTokens.reporter("MA", "rabat-cyber");

    @Autowired
    AuditChain chain;

    @Autowired
    AuditTrail trail;

    @Test
    void anAuditorReadsTheTrailByUserRecordActionAndTimeAndEveryReadingIsRecorded() {
        Instant before = Instant.now().minusSeconds(1);
        String first = filed(REPORTER_ONE);
        String second = filed(REPORTER_TWO);
        assertThat(http.get("/api/reports/" + first, TestTokens.triageOfficer("MA")).status()).isEqualTo(200);

        JsonNode byUser = read("?user=reporter-MA-rabat-cyber");
        assertThat(byUser.get("returned").asInt()).isEqualTo(1);
        assertThat(byUser.get("records").get(0).get("resourceId").asString()).isEqualTo(second);
        assertThat(byUser.get("records").get(0).get("action").asString()).isEqualTo("REPORT_FILED");

        JsonNode byRecord = read("?record=" + first);
        assertThat(actions(byRecord)).containsExactly("REPORT_CONSULTED", "REPORT_FILED"); // newest first
        assertThat(byRecord.get("records").get(0).get("actorUsername").asString()).isEqualTo("triage-MA");

        assertThat(actions(read("?action=REPORT_FILED"))).hasSize(2);
        assertThat(read("?action=REPORT_FILED&from=" + before + "&to=" + Instant.now().plusSeconds(5)).get("returned").asInt())
                .isEqualTo(2);
        assertThat(read("?action=REPORT_FILED&to=" + before).get("returned").asInt()).isZero();

        JsonNode readings = read("?action=AUDIT_CONSULTED&user=dpa.auditor");
        assertThat(readings.get("returned").asInt()).isEqualTo(5); // the five readings before this one
        assertThat(readings.get("records").get(0).get("details").get("action").asString()).isEqualTo("REPORT_FILED");
        assertThat(readings.get("records").get(0).get("details").get("to").asString()).isNotBlank();

        assertThat(http.get("/api/reports/audit?action=not-an-action", AUDITOR).status()).isEqualTo(400);
        assertThat(http.get("/api/reports/audit?limit=501", AUDITOR).status()).isEqualTo(400);
    }

    /**
     * Every record says why: the purpose a caller states in X-Purpose (percent-encoded UTF-8, so in French
     * or Arabic too), else its role's task; a purpose that is too long or not UTF-8 is refused with 400.
     */
    @Test
    void everyRecordSaysWhyWithThePurposeTheCallerStatedOrItsRolesTask() {
        String report = filed(REPORTER_ONE);
        String officer = TestTokens.triageOfficer("MA");
        String arabic = "\u0627\u0644\u062a\u062d\u0642\u064a\u0642 \u0641\u064a \u0627\u0644\u0642\u0636\u064a\u0629 MA-2026-17";
        String encoded = java.net.URLEncoder.encode(arabic, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

        assertThat(http.send(http.request("/api/reports/" + report, officer, Map.of("X-Purpose", encoded)).GET()).status()).isEqualTo(200);
        assertThat(http.get("/api/reports/" + report, officer).status()).isEqualTo(200);
        assertThat(http.send(http.request("/api/reports/" + report, officer, Map.of("X-Purpose", "a".repeat(201))).GET()).status()).isEqualTo(400);
        assertThat(http.send(http.request("/api/reports/" + report, officer, Map.of("X-Purpose", "%C3%28")).GET()).status()).isEqualTo(400);
        assertThat(http.send(http.request("/api/reports/" + report, officer, Map.of("X-Purpose", "%0A")).GET()).status()).isEqualTo(400);

        JsonNode consulted = read("?record=" + report + "&action=REPORT_CONSULTED");
        assertThat(consulted.get("returned").asInt()).as("refused readings are not consultations").isEqualTo(2);
        List<String> purposes = new ArrayList<>();
        consulted.get("records").forEach(record -> purposes.add(record.get("details").get("purpose").asString()
                + " / " + record.get("details").path("purposeStatedBy").asString("role")));
        assertThat(purposes).containsExactlyInAnyOrder(arabic + " / caller", "triage of the country's reports / role");
        JsonNode filing = read("?record=" + report + "&action=REPORT_FILED").get("records").get(0).get("details");
        assertThat(filing.get("purpose").asString()).isEqualTo("the filing unit's handling of its own reports");
        // the stated purpose is part of what the chain seals
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void noOtherRoleReadsTheTrail() {
        filed(REPORTER_ONE);
        for (String token : List.of(REPORTER_ONE, TestTokens.triageOfficer("MA"), TestTokens.liaison("FR"),
                TestTokens.user("admin", List.of("admin"), null, null))) {
            assertThat(http.get("/api/reports/audit", token).status()).isEqualTo(403);
            assertThat(http.get("/api/reports/audit/verification", token).status()).isEqualTo(403);
        }
        assertThat(http.get("/api/reports/audit", null).status()).isEqualTo(401);
        assertThat(mongo.count(query(where("action").is("AUDIT_CONSULTED")), AuditTrail.COLLECTION)).isZero();
    }

    @Test
    void theChainVerifiesAndAnEditedRecordBreaksItAtThatRecord() {
        for (int i = 0; i < 4; i++) {
            filed(REPORTER_ONE);
        }
        assertThat(chain.seal()).isEqualTo(4);

        JsonNode intact = verification();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("sealed").asLong()).isEqualTo(4);
        assertThat(intact.path("firstBroken").isNull() || intact.path("firstBroken").isMissingNode()).isTrue();

        Document third = mongo.findOne(query(where("link").is(3)), Document.class, AuditTrail.COLLECTION);
        mongo.updateFirst(query(where("_id").is(third.get("_id"))), new Update().set("actorUsername", "someone-else"),
                AuditTrail.COLLECTION);

        AuditChain.Verification broken = chain.verify();
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBroken().link()).isEqualTo(3);
        assertThat(broken.firstBroken().recordId()).isEqualTo(third.get("_id"));
        assertThat(broken.firstBroken().problem()).contains("content");
        // the API says the same, and records that it was asked
        assertThat(verification().get("firstBroken").get("link").asLong()).isEqualTo(3);
        assertThat(mongo.count(query(where("action").is("AUDIT_VERIFIED")), AuditTrail.COLLECTION)).isEqualTo(2);
    }

    @Test
    void aRemovedOrReplacedRecordBreaksTheChainWhereItWas() {
        for (int i = 0; i < 5; i++) {
            filed(REPORTER_ONE);
        }
        chain.seal();
        Document second = mongo.findOne(query(where("link").is(2)), Document.class, AuditTrail.COLLECTION);
        mongo.remove(query(where("_id").is(second.get("_id"))), AuditTrail.COLLECTION);

        AuditChain.Verification removed = chain.verify();
        assertThat(removed.intact()).isFalse();
        assertThat(removed.firstBroken().link()).isEqualTo(2);
        assertThat(removed.firstBroken().problem()).contains("missing");

        // a forger who re-numbers the rest to close the gap still breaks the chain at the same place
        for (long link = 3; link <= 5; link++) {
            mongo.updateFirst(query(where("link").is(link)), new Update().set("link", link - 1), AuditTrail.COLLECTION);
        }
        AuditChain.Verification renumbered = chain.verify();
        assertThat(renumbered.intact()).isFalse();
        assertThat(renumbered.firstBroken().link()).isEqualTo(2);

        // and removing the newest records is seen against the chain's head
        mongo.remove(query(where("link").gte(2)), AuditTrail.COLLECTION);
        assertThat(chain.verify().firstBroken().problem()).contains("missing");
    }

    /**
     * Records past the trail's retention are erased from the start of the chain; what is left still
     * verifies (from the place the erasure stopped), the erasure is itself recorded, and an edit after it
     * is still found.
     */
    @Test
    void recordsPastTheirRetentionAreErasedAndTheRestStillVerifies() {
        for (int i = 0; i < 4; i++) {
            filed(REPORTER_ONE);
        }
        chain.seal();
        Instant cut = Instant.now().plusSeconds(1);

        assertThat(chain.prune(cut, 3)).isEqualTo(3);
        assertThat(mongo.count(query(where("action").is("AUDIT_ERASED")), AuditTrail.COLLECTION)).isEqualTo(1);
        filed(REPORTER_ONE);
        chain.seal();

        AuditChain.Verification rest = chain.verify();
        assertThat(rest.intact()).as(String.valueOf(rest.firstBroken())).isTrue();
        assertThat(rest.sealed()).isEqualTo(3); // the fourth filing, the erasure's record, the fifth filing
        Document fourth = mongo.findOne(query(where("link").is(4)), Document.class, AuditTrail.COLLECTION);
        mongo.updateFirst(query(where("_id").is(fourth.get("_id"))), new Update().set("action", "REPORT_CONSULTED"),
                AuditTrail.COLLECTION);
        assertThat(chain.verify().firstBroken().link()).isEqualTo(4);
    }

    /**
     * A filing and its record are one write: a crash right after it (simulated here by a report stored with its
     * record and nothing more) leaves the record in the report, and the next pass moves it into the trail, once.
     */
    @Test
    void aFilingInterruptedAfterItsWriteStillGetsItsRecordExactlyOnce() {
        String normal = filed(REPORTER_ONE);
        assertThat(mongo.findById(normal, Document.class, "reports").getList(AuditTrail.PENDING, Object.class)).isEmpty();
        assertThat(filedRecords(normal)).isEqualTo(1);

        Document interrupted = mongo.findById(normal, Document.class, "reports");
        interrupted.put("_id", "interrupted-filing");
        interrupted.put("reference", "MA-2026-999999");
        interrupted.put("idempotency", new Document("subject", "s").append("key", "interrupted"));
        Document record = new Document("_id", "record-of-the-interrupted-filing").append("at", new java.util.Date(0))
                .append("action", "REPORT_FILED").append("resourceType", "report").append("resourceId", "interrupted-filing")
                .append("actorUsername", "reporter-MA-casablanca-cyber").append("details", new Document("reference", "MA-2026-999999"))
                .append("sealed", false);
        interrupted.put(AuditTrail.PENDING, List.of(record));
        mongo.insert(interrupted, "reports");
        assertThat(filedRecords("interrupted-filing")).isZero();

        assertThat(trail.settlePending(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(trail.settlePending(Duration.ofSeconds(10))).isZero();

        assertThat(filedRecords("interrupted-filing")).isEqualTo(1);
        assertThat(mongo.findById("interrupted-filing", Document.class, "reports").getList(AuditTrail.PENDING, Object.class))
                .isEmpty();
        chain.seal();
        assertThat(chain.verify().intact()).isTrue();
    }

    /** An amendment and a withdrawal carry their records in their own writes too, settled at once. */
    @Test
    void aChangeIsStoredWithItsRecord() {
        String id = filed(REPORTER_ONE);
        Http.Answer withdrawn = http.post("/api/reports/" + id + "/withdrawal", REPORTER_ONE,
                "{\"reason\":\"Filed twice by mistake\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        assertThat(mongo.count(query(where("resourceId").is(id).and("action").is("REPORT_WITHDRAWN")), AuditTrail.COLLECTION))
                .isEqualTo(1);
        assertThat(mongo.findById(id, Document.class, "reports").getList(AuditTrail.PENDING, Object.class)).isEmpty();
    }

    private long filedRecords(String reportId) {
        return mongo.count(query(where("resourceId").is(reportId).and("action").is("REPORT_FILED")), AuditTrail.COLLECTION);
    }

    @Test
    void twoSealersAtOnceMakeOneUnbrokenChainOfEveryRecord() throws Exception {
        // leases of 20 ms: each sealer's lease runs out within a pass, so both seal, and at moments both at once
        AuditChain one = new AuditChain(mongo, trail, Clock.systemUTC(), Duration.ofHours(1), Duration.ofMillis(20));
        AuditChain other = new AuditChain(mongo, trail, Clock.systemUTC(), Duration.ofHours(1), Duration.ofMillis(20));
        Caller writer = new Caller("subject", "writer", java.util.Set.of("reporter"), "MA", "u1", null);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        trail.record(writer, "TEST_WRITTEN", "test", "t" + thread + "-" + i, Map.of("i", String.valueOf(i)));
                    }
                    return null;
                }));
            }
            for (AuditChain sealer : List.of(one, other)) {
                threads.submit(() -> {
                    while (writing.get()) {
                        sealer.seal();
                    }
                    return null;
                });
            }
            for (Future<?> written : work) {
                written.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // the lease may rest with either; what is left is sealed once it is free or by its holder
        while (one.seal() + other.seal() > 0) {
            Thread.onSpinWait();
        }

        AuditChain.Verification verified = chain.verify();
        assertThat(verified.intact()).as(String.valueOf(verified.firstBroken())).isTrue();
        assertThat(verified.sealed()).isEqualTo(300);
        assertThat(verified.unsealed()).isZero();
    }

    /** A sealer that died after sealing records but before moving the head: the next one adopts them, no fork. */
    @Test
    void recordsSealedAheadOfAStaleHeadAreAdoptedNotSealedAgain() {
        for (int i = 0; i < 3; i++) {
            filed(REPORTER_ONE);
        }
        chain.seal();
        mongo.updateFirst(query(where("_id").is("head")), new Update().set("link", 1L)
                .set("hash", mongo.findOne(query(where("link").is(1L)), Document.class, AuditTrail.COLLECTION).getString("hash")),
                AuditChain.HEADS);
        filed(REPORTER_ONE);

        assertThat(chain.seal()).isEqualTo(1);

        AuditChain.Verification verified = chain.verify();
        assertThat(verified.intact()).as(String.valueOf(verified.firstBroken())).isTrue();
        assertThat(verified.sealed()).isEqualTo(4);
    }

    private String filed(String reporter) {
        Http.Answer filed = file(reporter, example("online-fraud"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asString();
    }

    private JsonNode read(String query) {
        Http.Answer answer = http.get("/api/reports/audit" + query, AUDITOR);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode verification() {
        Http.Answer answer = http.get("/api/reports/audit/verification", AUDITOR);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> actions(JsonNode list) {
        List<String> actions = new ArrayList<>();
        list.get("records").forEach(record -> actions.add(record.get("action").asString()));
        return actions;
    }
}
