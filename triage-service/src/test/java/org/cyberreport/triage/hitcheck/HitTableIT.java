package org.cyberreport.triage.hitcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.correlation.IndicatorNormaliser;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The holder's side of hit/no-hit on the embedded store: the table follows the cases of the holder's
 * country as they name and stop naming identifiers, holds no identifier, and answers a blinded query
 * (cooperation's service account) with the key applied; a query for what it holds opens its references.
 */
@TestPropertySource(properties = {"cyberreport.hitcheck.country=FR", "cyberreport.hitcheck.table-refresh=PT1H",
        "cyberreport.hitcheck.key=" + HitTableIT.KEY})
class HitTableIT extends TriageIT {

    static final String KEY = "0b3e3371c417cd9d3c257fb2367a3603369ec142f0a5acfd3fca15a0526beff9";
    private static final String WALLET = "0x5aeda56215b167893e80b4fe645ba6d5bab767de";
    private static final String OTHER = "0x1111111111111111111111111111111111111111";
    private static final String LATE = "0x3333333333333333333333333333333333333333";
    private static final String COOPERATION = TestTokens.user("service-account-cooperation-service", List.of("service"), null, null);

    @Autowired
    HitTable table;

    @BeforeEach
    void emptyTable() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "hit_tags");
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), HitTable.STATE);
    }

    @Test
    void theTableFollowsTheHoldersCasesAndAnswersOnlyWhatIsAsked() {
        deliver(Fixtures.aHandoff("fr-1", 1, "FR", cryptoTo(WALLET)));
        deliver(Fixtures.aHandoff("fr-2", 1, "FR", cryptoTo(WALLET)));
        deliver(Fixtures.aHandoff("fr-3", 1, "FR", cryptoTo(OTHER)));
        deliver(Fixtures.aHandoff("ma-1", 1, "MA", cryptoTo(WALLET)));
        String fr1 = reference("fr-1", TRIAGE_FR);
        String fr2 = reference("fr-2", TRIAGE_FR);
        String ma1 = reference("ma-1", TRIAGE_MA);

        assertThat(table.update()).as("the French cases' identifiers, not the Moroccan one's").isEqualTo(3);
        assertThat(table.update()).as("nothing twice").isZero();
        // no identifier in the table, in any form
        String stored = mongo.findAll(Document.class, "hit_tags").toString() + mongo.findAll(Document.class, HitTable.STATE);
        assertThat(stored).doesNotContain(WALLET.substring(2)).doesNotContain(fr1).doesNotContain("fr-1");

        assertThat(ask(WALLET)).containsExactlyInAnyOrder(fr1, fr2).doesNotContain(ma1);
        assertThat(ask(OTHER)).containsExactly(reference("fr-3", TRIAGE_FR));
        assertThat(ask("0x2222222222222222222222222222222222222222")).isEmpty();

        // a membership stamped before the watermark but written after it (two correlations at once, two replicas'
        // clocks) is found by the next pass's look back
        String late = IndicatorNormaliser.wallet("ETHEREUM", LATE).orElseThrow();
        mongo.insert(new Document("_id", late + "|fr-1").append("key", late).append("caseId", "fr-1").append("country", "FR")
                .append("at", java.util.Date.from(java.time.Instant.now().minusSeconds(30))), "indicator_cases");
        assertThat(table.update()).isEqualTo(1);
        assertThat(ask(LATE)).containsExactly(fr1);

        // fr-2 no longer names the wallet: its entry goes with it
        deliver(version(Fixtures.aHandoff("fr-2", 1, "FR", cryptoTo(WALLET)), 2, "SUBMITTED", cryptoTo(OTHER)));
        table.update();
        assertThat(ask(WALLET)).containsExactly(fr1);
        assertThat(ask(OTHER)).hasSize(2);
    }

    @Test
    void onlyServicesAskAndOnlyPointsAreEvaluated() {
        String notAPoint = Hitchecks.ENCODER.encodeToString(new byte[33]);
        Http.Answer refused = http.post("/internal/hitcheck/evaluations", COOPERATION, "{\"blinded\":[\"" + notAPoint + "\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/internal/hitcheck/evaluations", COOPERATION, "{\"blinded\":[]}").status()).isEqualTo(400);
        assertThat(http.post("/internal/hitcheck/evaluations", COOPERATION,
                "{\"blinded\":[" + "\"AAAA\",".repeat(16) + "\"AAAA\"]}").status()).isEqualTo(400);
        assertThat(http.post("/internal/hitcheck/evaluations", TRIAGE_FR, "{\"blinded\":[\"AAAA\"]}").status()).isEqualTo(403);
        assertThat(http.post("/internal/hitcheck/evaluations", INTAKE_SERVICE, "{\"blinded\":[\"AAAA\"]}").status())
                .as("another service's account").isEqualTo(403);
        assertThat(http.post("/api/triage/hitchecks", TestTokens.liaison("MA"),
                "{\"partner\":\"FR\",\"type\":\"PHONE\",\"value\":\"+212612345678\",\"purpose\":\"A call from a bank\"}").status())
                .isEqualTo(403);
        assertThat(http.post("/api/triage/hitchecks", TRIAGE_MA,
                "{\"partner\":\"MA\",\"type\":\"PHONE\",\"value\":\"+212612345678\",\"purpose\":\"A call from a bank\"}").status())
                .as("one's own country").isEqualTo(400);
        assertThat(http.post("/api/triage/hitchecks", TRIAGE_MA,
                "{\"partner\":\"FR\",\"type\":\"PHONE\",\"value\":\"+212612345678\"}").status()).as("no purpose").isEqualTo(400);
        assertThat(mongo.count(query(where("action").is("HITCHECK_ASKED")), "audit_log")).isZero();
    }

    /** What an asking platform learns about one wallet: the references it can open. */
    private List<String> ask(String wallet) {
        byte[] input = IndicatorNormaliser.wallet("ETHEREUM", wallet).orElseThrow().getBytes(StandardCharsets.UTF_8);
        Oprf.Blinded blinded = Oprf.blind(input);
        Http.Answer answer = http.post("/internal/hitcheck/evaluations", COOPERATION,
                "{\"blinded\":[\"" + Hitchecks.ENCODER.encodeToString(blinded.element()) + "\"]}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        byte[] output = Oprf.finalize(input, blinded.blind(), Hitchecks.DECODER.decode(body.get("evaluated").get(0).asString()));
        String tag = Tags.tag(output);
        List<String> references = new ArrayList<>();
        for (JsonNode entry : body.get("entries")) {
            if (entry.get("tag").asString().equals(tag)) {
                Optional<String> opened = Tags.open(output, entry.get("sealed").asString());
                assertThat(opened).as("a matching tag opens its reference").isPresent();
                references.add(opened.get());
            }
        }
        return references;
    }

    private String reference(String caseId, String token) {
        return http.get("/api/triage/cases/" + caseId, token).json().get("reference").asString();
    }

    private static ReportFacts cryptoTo(String wallet) {
        return new ReportFacts("CRYPTO", "MA", Fixtures.NOW.minus(Duration.ofDays(30)), Fixtures.NOW,
                List.of(Fixtures.anAdult()), List.of(), List.of(), null, null, null, null,
                new ReportFacts.Crypto("PIG_BUTCHERING", List.of(new ReportFacts.Transfer("ETHEREUM", "USDT",
                        new BigDecimal("900"), wallet, Fixtures.NOW.minus(Duration.ofDays(20))))), null);
    }
}
