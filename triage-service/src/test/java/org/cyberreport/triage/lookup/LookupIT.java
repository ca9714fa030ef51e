package org.cyberreport.triage.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * An officer asks whether any report names an identifier: the own country's cases in full, other
 * countries' only by the fact and the country; audited with a purpose that must be given.
 */
class LookupIT extends TriageIT {

    private static final String WALLET = "0x9bC1aE2f3D4b5C6d7E8f9A0b1C2d3E4f5A6b7C8d";
    private static final String PURPOSE = "A bank's fraud team called about a transfer";
    private static final String TRIAGE_ES = TestTokens.triageOfficer("ES");

    @Test
    void theOfficersCountrysCasesInFullAndOtherCountriesOnlyByName() {
        deliver(Fixtures.aHandoff("ma-w-1", 1, "MA", cryptoTo(WALLET)));
        deliver(Fixtures.aHandoff("ma-w-2", 1, "MA", cryptoTo(WALLET.toUpperCase().replace("0X", "0x"))));
        deliver(Fixtures.aHandoff("fr-w-1", 1, "FR", cryptoTo(WALLET)));
        String frenchReference = http.get("/api/triage/cases/fr-w-1", TRIAGE_FR).json().get("reference").asString();

        Http_ answer = lookup(TRIAGE_MA, "CRYPTO_ADDRESS", WALLET.toLowerCase(), "&chain=POLYGON");

        assertThat(answer.status).isEqualTo(200);
        JsonNode found = answer.json.get("identifiers").get(0);
        assertThat(found.get("identifier").asString()).isEqualTo("wallet:evm:" + WALLET.toLowerCase());
        assertThat(found.get("casesInCountry").asLong()).isEqualTo(2);
        assertThat(found.get("cases").findValuesAsString("caseId")).containsExactlyInAnyOrder("ma-w-1", "ma-w-2");
        assertThat(found.get("cases").get(0).get("level").asString()).startsWith("P");
        assertThat(found.get("cases").get(0).get("links").asInt()).isEqualTo(2);
        assertThat(found.get("elsewhere").asBoolean()).isTrue();
        assertThat(found.get("countries").get(0).asString()).isEqualTo("FR");
        assertThat(answer.json.toString()).as("nothing of the French case but its country")
                .doesNotContain("fr-w-1").doesNotContain(frenchReference);

        JsonNode spanish = lookup(TRIAGE_ES, "CRYPTO_ADDRESS", WALLET, "").json.get("identifiers").get(0);
        assertThat(spanish.get("casesInCountry").asLong()).isZero();
        assertThat(spanish.get("cases")).isEmpty();
        assertThat(spanish.get("countries").toString()).isEqualTo("[\"FR\",\"MA\"]");
        assertThat(spanish.toString()).doesNotContain("ma-w-").doesNotContain("MA-2026");

        JsonNode unknown = lookup(TRIAGE_MA, "CRYPTO_ADDRESS", "0x0000000000000000000000000000000000000001", "")
                .json.get("identifiers").get(0);
        assertThat(unknown.get("casesInCountry").asLong()).isZero();
        assertThat(unknown.get("elsewhere").asBoolean()).isFalse();
    }

    @Test
    void anIdentifierIsNormalisedAsCorrelationDoes() {
        deliver(Fixtures.aHandoff("profile-1", 1, "MA", naming(new ReportFacts.Subject("SOCIAL_HANDLE", "@Lisa.Mentor", null, "Facebook"))));
        deliver(Fixtures.aHandoff("phone-1", 1, "MA", naming(new ReportFacts.Subject("PHONE", "+212 6 12 34 56 78", null, null))));

        JsonNode profile = lookup(TRIAGE_MA, "URL", "https://m.facebook.com/lisa.mentor/?ref=share", "").json;
        assertThat(profile.get("identifiers").get(0).get("identifier").asString()).isEqualTo("handle:facebook:lisa.mentor");
        assertThat(profile.get("identifiers").get(0).get("cases").findValuesAsString("caseId")).containsExactly("profile-1");

        JsonNode phone = lookup(TRIAGE_MA, "URL", "https://wa.me/212612345678", "").json;
        assertThat(phone.get("identifiers").get(0).get("cases").findValuesAsString("caseId")).containsExactly("phone-1");

        JsonNode webmail = lookup(TRIAGE_MA, "DOMAIN", "mail.gmail.com", "").json;
        assertThat(webmail.get("identifiers")).isEmpty();
        assertThat(webmail.get("setAside").get(0).get("identifier").asString()).isEqualTo("domain:gmail.com");
        assertThat(webmail.get("setAside").get(0).get("reason").asString()).isEqualTo("WARNING_LIST");
    }

    @Test
    void everyLookupIsAuditedWithItsPurposeAndAPurposeIsRequired() {
        lookup(TRIAGE_MA, "IBAN", "FR76 3000 6000 0112 3456 7890 189", "");

        Document record = mongo.findOne(query(where("resourceId").is("iban:FR7630006000011234567890189")), Document.class, "audit_log");
        assertThat(record).isNotNull();
        assertThat(record.getString("action")).isEqualTo("IDENTIFIER_LOOKED_UP");
        assertThat(record.getString("actorCountry")).isEqualTo("MA");
        assertThat(record.get("details", Document.class).getString("purpose")).isEqualTo(PURPOSE);

        Http_ noPurpose = new Http_(http.get("/api/triage/lookup?type=IBAN&value=FR7630006000011234567890189", TRIAGE_MA));
        assertThat(noPurpose.status).isEqualTo(400);
        assertThat(noPurpose.contentType).startsWith("application/problem+json");
        assertThat(new Http_(http.get("/api/triage/lookup?type=IBAN&value=FR76&purpose=x", TRIAGE_MA)).status)
                .as("a purpose of a few letters says nothing").isEqualTo(400);
        assertThat(lookup(TRIAGE_MA, "PASSPORT", "X1234567", "").status).isEqualTo(400);
        Http_ unreadable = lookup(TRIAGE_MA, "PHONE", "not a number", "");
        assertThat(unreadable.status).isEqualTo(422);
        assertThat(unreadable.json.get("errors").toString()).contains("value");
        assertThat(lookup(TRIAGE_MA, "IBAN", "x".repeat(3000), "").status).isEqualTo(400);
        assertThat(lookup(TestTokens.reporter("MA", "MA-UNIT"), "IBAN", "FR7630006000011234567890189", "").status)
                .as("reporters may not ask").isEqualTo(403);
        assertThat(lookup(TestTokens.liaison("FR"), "IBAN", "FR7630006000011234567890189", "").status).isEqualTo(403);
        assertThat(mongo.count(query(where("resourceId").is("iban:FR7630006000011234567890189")), "audit_log"))
                .as("refused lookups are not lookups").isEqualTo(1);
    }

    private Http_ lookup(String token, String type, String value, String extra) {
        return new Http_(http.get("/api/triage/lookup?type=" + type + "&value=" + encode(value) + "&purpose=" + encode(PURPOSE) + extra,
                token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The parts of an answer the assertions read. */
    private static final class Http_ {
        final int status;
        final String contentType;
        final JsonNode json;

        Http_(org.cyberreport.kit.testing.Http.Answer answer) {
            this.status = answer.status();
            this.contentType = answer.contentType() == null ? "" : answer.contentType();
            this.json = answer.body() == null || answer.body().isEmpty() ? null : answer.json();
        }
    }

    private static ReportFacts cryptoTo(String wallet) {
        return new ReportFacts("CRYPTO", "MA", Fixtures.NOW.minus(Duration.ofDays(30)), Fixtures.NOW,
                List.of(Fixtures.anAdult()), List.of(), List.of(), null, null, null, null,
                new ReportFacts.Crypto("PIG_BUTCHERING", List.of(new ReportFacts.Transfer("ETHEREUM", "USDT",
                        new BigDecimal("900"), wallet, Fixtures.NOW.minus(Duration.ofDays(20))))), null);
    }

    private static ReportFacts naming(ReportFacts.Subject subject) {
        ReportFacts plain = Fixtures.aFraud(List.of(Fixtures.anAdult()), List.of(), null, false);
        return new ReportFacts(plain.category(), plain.jurisdictionCountry(), plain.incidentStartedAt(), plain.discoveredAt(),
                plain.victims(), List.of(subject), plain.transactions(), plain.totalLoss(), plain.handling(), plain.onlineFraud(),
                null, null, null);
    }
}
