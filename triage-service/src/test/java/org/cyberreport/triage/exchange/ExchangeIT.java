package org.cyberreport.triage.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Indicators out and in, over HTTP with the real store: a case's STIX 2.1 bundle validates against
 * OASIS's STIX 2.1 JSON schemas (shipped with the tests, read offline) and carries TLP 2.0 and the
 * handling codes but nothing of the victims, the narrative, identifiers set aside or a trafficking
 * victim's; a MISP event goes out, comes back in as a feed, and goes out again the same, and the feed
 * raises the score of every case naming its identifiers, with its source shown; a TLP:RED case exports
 * nothing until a supervisor records the originator's permission; scope and roles hold.
 */
class ExchangeIT extends TriageIT {

    private static final String SUPERVISOR_MA = TestTokens.user("supervisor.ma", List.of("triage-supervisor"), "MA", null);
    private static final String SUPERVISOR_FR = TestTokens.user("supervisor.fr", List.of("triage-supervisor"), "FR", null);

    @org.springframework.beans.factory.annotation.Autowired
    FeedStore feeds;
    private static final String STIX_BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.schemaIdResolvers(ids -> ids.mapPrefix(STIX_BASE,
                    "classpath:stix2-json-schemas/schemas/"))));

    private static final String IBAN = "FR7630006000011234567890189";
    private static final String ETH_WALLET = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final String BTC_WALLET = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    private static final String HELD_PHONE = "+855962345678";

    @Test
    void aCasesStixBundleValidatesAgainstTheStix21SchemasAndCarriesOnlyWhatTheMarksAllow() {
        deliverWithPersonalData(Fixtures.aHandoff("r-stix", 1, "MA", everyKind("AMBER", Set.of("H1"))));
        assertThat(http.get("/api/triage/cases/r-stix", TRIAGE_MA).body()).contains("Amina", "trading mentor");

        Http.Answer answer = http.get("/api/triage/cases/r-stix/export/stix", TRIAGE_MA);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/stix+json");
        assertThat(answer.header("Content-Disposition")).startsWith("attachment");
        JsonNode bundle = answer.json();
        List<Error> errors = schema("common/bundle.json").validate(bundle);
        assertThat(errors).as("bundle against bundle.json").isEmpty();
        for (JsonNode object : bundle.get("objects")) {
            String type = object.get("type").asString();
            String file = switch (type) {
                case "indicator", "identity", "report" -> "sdos/" + type + ".json";
                case "marking-definition" -> "common/marking-definition.json";
                default -> throw new AssertionError("unexpected object " + type);
            };
            assertThat(schema(file).validate(object)).as(type + " against " + file).isEmpty();
        }
        List<String> patterns = bundle.get("objects").findValuesAsString("pattern");
        assertThat(patterns).containsExactlyInAnyOrder(
                "[email-addr:value = 'payments@bluecoast-invest.com']",
                "[url:value = 'https://bluecoast-invest.com/dashboard']",
                "[domain-name:value = 'bluecoast-invest.com']",
                "[ipv4-addr:value = '45.133.1.20']",
                "[phone-number:value = '+447911123456']",
                "[user-account:account_login = '@lisa.crypto.mentor' AND user-account:account_type = 'instagram']",
                "[bank-account:iban = '" + IBAN + "']",
                "[cryptocurrency-wallet:address = '" + ETH_WALLET + "' AND cryptocurrency-wallet:chain = 'ETHEREUM']",
                "[cryptocurrency-wallet:address = '" + BTC_WALLET + "' AND cryptocurrency-wallet:chain = 'BITCOIN']");
        String amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
        for (JsonNode object : bundle.get("objects")) {
            if ("indicator".equals(object.get("type").asString())) {
                List<String> refs = new ArrayList<>();
                object.get("object_marking_refs").forEach(ref -> refs.add(ref.asString()));
                assertThat(refs).contains(amber).hasSize(2);
            }
        }
        assertThat(bundle.toString()).contains("\"tlp_2_0\":\"amber\"", "H1: not to be used as evidence in court")
                // never the victim, the narrative, a warning-listed domain or a possible trafficking victim's phone
                .doesNotContain("Amina").doesNotContain("amina@example.ma").doesNotContain("trading mentor")
                .doesNotContain("bit.ly").doesNotContain(HELD_PHONE);
        assertThat(answer.header("Cyberreport-Tlp")).isEqualTo("TLP:AMBER");
    }

    @Test
    void aMispEventGoesOutComesBackAsAFeedRaisesMatchingCasesAndGoesOutAgainTheSame() {
        deliver(Fixtures.aHandoff("r-misp", 1, "MA", everyKind("GREEN", Set.of())));
        JsonNode first = http.get("/api/triage/cases/r-misp/export/misp", TRIAGE_MA).json();
        assertThat(first.get("Event").get("Tag").findValuesAsString("name")).contains("tlp:green");
        assertThat(attributes(first)).contains("iban " + IBAN, "btc " + BTC_WALLET, "email-src payments@bluecoast-invest.com",
                "phone-number +447911123456", "url https://bluecoast-invest.com/dashboard", "domain bluecoast-invest.com",
                "ip-dst 45.133.1.20", "coin-address/address-crypto " + ETH_WALLET, "coin-address/symbol ETH",
                "user-account/username @lisa.crypto.mentor", "user-account/account-type instagram");
        // another report names two of the same identifiers, written otherwise
        deliver(Fixtures.aHandoff("r-other", 1, "MA", naming("AMBER", Set.of(), List.of(
                new ReportFacts.Subject("IBAN", "FR76 3000 6000 0112 3456 7890 189", null, null),
                new ReportFacts.Subject("EMAIL", "Payments@BLUECOAST-invest.com", null, null)))));
        assertThat(factors("r-other")).doesNotContain("KNOWN_BAD_INDICATOR");

        Http.Answer imported = http.post("/api/triage/feeds?name=Round%20trip", SUPERVISOR_MA, first.toString());

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("identifiers").asInt()).isEqualTo(9);
        // what came in is exactly what went out: the keys of the case's nine exported identifiers
        List<String> caseKeys = mongo.findById("r-misp", org.bson.Document.class, "cases").getList("indicatorKeys", String.class);
        assertThat(feeds.keysOf(imported.json().get("id").asString(), 100)).containsExactlyInAnyOrder(
                "email:payments@bluecoast-invest.com", "url:bluecoast-invest.com/dashboard", "domain:bluecoast-invest.com",
                "ip:45.133.1.20", "phone:+447911123456", "handle:instagram:lisa.crypto.mentor", "iban:" + IBAN,
                "wallet:evm:" + ETH_WALLET.toLowerCase(java.util.Locale.ROOT), "wallet:bitcoin:" + BTC_WALLET);
        assertThat(caseKeys).containsAll(feeds.keysOf(imported.json().get("id").asString(), 100));
        assertThat(imported.json().get("source").asString()).isEqualTo("Cyberreport MA");
        assertThat(imported.json().get("tlp").asString()).isEqualTo("GREEN");
        JsonNode other = http.get("/api/triage/cases/r-other", TRIAGE_MA).json();
        assertThat(factors("r-other")).contains("KNOWN_BAD_INDICATOR");
        assertThat(reason(other, "KNOWN_BAD_INDICATOR")).isEqualTo(
                "2 identifier(s) listed as known bad by 'Round trip' from Cyberreport MA (TLP:GREEN)");
        assertThat(other.get("knownBad").findValuesAsString("feed")).containsOnly("Round trip");
        assertThat(other.get("knownBad").findValuesAsString("identifier"))
                .containsExactlyInAnyOrder("email:payments@bluecoast-invest.com", "iban:" + IBAN);

        JsonNode again = http.get("/api/triage/cases/r-misp/export/misp", TRIAGE_MA).json();
        assertThat(attributes(again)).isEqualTo(attributes(first));
        assertThat(auditActions()).contains("CASE_EXPORTED", "FEED_IMPORTED");

        String feedId = imported.json().get("id").asString();
        // a feed is its country's: France neither sees it, nor removes it, nor is scored by it
        deliver(Fixtures.aHandoff("r-france", 1, "FR", naming("AMBER", Set.of(), List.of(
                new ReportFacts.Subject("IBAN", IBAN, null, null)))));
        assertThat(factors("r-france", TRIAGE_FR)).doesNotContain("KNOWN_BAD_INDICATOR");
        assertThat(http.get("/api/triage/feeds", SUPERVISOR_FR).json()).isEmpty();
        assertThat(http.delete("/api/triage/feeds/" + feedId, SUPERVISOR_FR, "").status()).isEqualTo(404);
        assertThat(http.delete("/api/triage/feeds/" + feedId, TRIAGE_MA, "").status()).isEqualTo(403);
        assertThat(http.delete("/api/triage/feeds/" + feedId, SUPERVISOR_MA, "").status()).isEqualTo(204);
        assertThat(factors("r-other")).doesNotContain("KNOWN_BAD_INDICATOR");
        assertThat(http.delete("/api/triage/feeds/" + feedId, SUPERVISOR_MA, "").status()).isEqualTo(404);
    }

    @Test
    void anotherToolsMispEventAndAStixBundleImportWithTheirSourceAndTlp() {
        String event = """
                {"Event": {"uuid": "5f1c3c0e-1b2a-4c3d-9e8f-0a1b2c3d4e5f", "info": "Phishing kit infrastructure",
                  "Orgc": {"name": "CERT-XX"}, "Tag": [{"name": "tlp:amber+strict"}],
                  "Attribute": [
                    {"type": "domain|ip", "category": "Network activity", "value": "login-secure-bank-verify.com|45.133.1.7", "to_ids": true},
                    {"type": "ip-dst|port", "category": "Network activity", "value": "45.133.1.8|443", "to_ids": "1"},
                    {"type": "text", "category": "Other", "value": "kit author handle", "to_ids": false},
                    {"type": "md5", "category": "Payload delivery", "value": "d41d8cd98f00b204e9800998ecf8427e", "to_ids": true}
                  ]}}""";
        deliver(Fixtures.aHandoff("r-phish", 1, "MA", naming("AMBER", Set.of(), List.of(
                new ReportFacts.Subject("URL", "https://www.login-secure-bank-verify.com/verify", null, null)))));

        Http.Answer imported = http.post("/api/triage/feeds", SUPERVISOR_MA, event);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("name").asString()).isEqualTo("Phishing kit infrastructure");
        assertThat(imported.json().get("source").asString()).isEqualTo("CERT-XX");
        assertThat(imported.json().get("tlp").asString()).isEqualTo("AMBER_STRICT");
        assertThat(imported.json().get("identifiers").asInt()).isEqualTo(2);
        assertThat(imported.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(reason(http.get("/api/triage/cases/r-phish", TRIAGE_MA).json(), "KNOWN_BAD_INDICATOR"))
                .contains("'Phishing kit infrastructure' from CERT-XX (TLP:AMBER+STRICT)");

        deliver(Fixtures.aHandoff("r-bundle", 1, "MA", everyKind("CLEAR", Set.of())));
        JsonNode bundle = http.get("/api/triage/cases/r-bundle/export/stix", TRIAGE_MA).json();
        Http.Answer fromStix = http.post("/api/triage/feeds?name=From%20STIX", SUPERVISOR_MA, bundle.toString());
        assertThat(fromStix.status()).as(fromStix.body()).isEqualTo(201);
        assertThat(fromStix.json().get("identifiers").asInt()).isEqualTo(9);
        assertThat(fromStix.json().get("format").asString()).isEqualTo("STIX");
        assertThat(fromStix.json().get("tlp").asString()).isEqualTo("CLEAR");
        assertThat(http.get("/api/triage/feeds", TRIAGE_MA).json().findValuesAsString("name"))
                .containsExactly("From STIX", "Phishing kit infrastructure");
    }

    @Test
    void aTlpRedCaseExportsNothingUntilASupervisorRecordsTheOriginatorsPermission() {
        deliver(Fixtures.aHandoff("r-red", 1, "MA", naming("RED", Set.of(), List.of(
                new ReportFacts.Subject("IBAN", IBAN, null, null),
                new ReportFacts.Subject("PHONE", "+447700900123", null, null)))));
        deliver(Fixtures.aHandoff("r-amber", 1, "MA", naming("AMBER", Set.of(), List.of(
                new ReportFacts.Subject("IBAN", IBAN, null, null)))));
        // a French case in the same cluster: its own identifiers never leave in Morocco's export
        deliver(Fixtures.aHandoff("r-fr-member", 1, "FR", naming("CLEAR", Set.of(), List.of(
                new ReportFacts.Subject("IBAN", IBAN, null, null),
                new ReportFacts.Subject("EMAIL", "collector@fr-mule.example", null, null)))));
        deliver(Fixtures.aHandoff("r-h2", 1, "MA", naming("GREEN", Set.of("H2"), List.of(
                new ReportFacts.Subject("PHONE", "+447700900777", null, null)))));

        for (String format : List.of("stix", "misp")) {
            Http.Answer refused = http.get("/api/triage/cases/r-red/export/" + format, TRIAGE_MA);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).contains("TLP:RED").doesNotContain("447700900123").doesNotContain(IBAN);
        }
        assertThat(http.get("/api/triage/cases/r-h2/export/misp", TRIAGE_MA).body()).contains("H2")
                .doesNotContain("447700900777");
        String clusterId = http.get("/api/triage/cases/r-amber", TRIAGE_MA).json().get("cluster").get("clusterId").asString();
        Http.Answer cluster = http.get("/api/triage/clusters/" + clusterId + "/export/stix", TRIAGE_MA);
        assertThat(cluster.status()).isEqualTo(200);
        assertThat(cluster.header("Cyberreport-Withheld-Cases")).isEqualTo("1");
        assertThat(cluster.body()).contains(IBAN).doesNotContain("447700900123").doesNotContain("fr-mule");
        assertThat(schema("common/bundle.json").validate(cluster.json())).isEmpty();

        String permission = "{\"permission\": \"NCB Rabat agreed by message 2026/118 to share with CERT-MA\"}";
        assertThat(http.post("/api/triage/cases/r-red/export-permission", TRIAGE_MA, permission).status()).isEqualTo(403);
        assertThat(http.post("/api/triage/cases/r-red/export-permission", SUPERVISOR_MA, "{\"permission\": \"\"}").status())
                .isEqualTo(400);
        assertThat(http.post("/api/triage/cases/r-amber/export-permission", SUPERVISOR_MA, permission).status())
                .as("an AMBER case needs no permission").isEqualTo(409);
        assertThat(http.post("/api/triage/cases/r-red/export-permission", SUPERVISOR_MA, permission).status()).isEqualTo(200);

        Http.Answer permitted = http.get("/api/triage/cases/r-red/export/stix", TRIAGE_MA);
        assertThat(permitted.status()).isEqualTo(200);
        assertThat(permitted.header("Cyberreport-Tlp")).isEqualTo("TLP:RED");
        assertThat(permitted.body()).contains("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "447700900123");
        assertThat(http.get("/api/triage/clusters/" + clusterId + "/export/misp", TRIAGE_MA).json()
                .get("Event").get("Tag").findValuesAsString("name")).contains("tlp:red");
        assertThat(auditActions()).contains("CASE_EXPORT_REFUSED", "EXPORT_PERMITTED", "CLUSTER_EXPORTED");
    }

    @Test
    void scopeRolesAndBadFeedsAreRefusedPlainly() {
        deliver(Fixtures.aHandoff("r-scope", 1, "MA", everyKind("AMBER", Set.of())));

        assertThat(http.get("/api/triage/cases/r-scope/export/stix", TRIAGE_FR).status()).isEqualTo(404);
        assertThat(http.get("/api/triage/clusters/cluster-nothing/export/stix", TRIAGE_MA).status()).isEqualTo(404);
        assertThat(http.get("/api/triage/cases/r-scope/export/stix", TestTokens.reporter("MA", "MA-UNIT")).status())
                .isEqualTo(403);
        assertThat(http.post("/api/triage/feeds", TRIAGE_MA, "{\"Event\": {}}").status()).isEqualTo(403);
        Http.Answer notAFeed = http.post("/api/triage/feeds", SUPERVISOR_MA, "{\"hello\": \"world\"}");
        assertThat(notAFeed.status()).isEqualTo(422);
        assertThat(notAFeed.body()).contains("neither a MISP event");
        assertThat(http.post("/api/triage/feeds", SUPERVISOR_MA, "{\"Event\": {\"Attribute\": []}}").status())
                .isEqualTo(422);
        assertThat(http.post("/api/triage/feeds", SUPERVISOR_MA, "[1, 2]").status()).isEqualTo(422);
        assertThat(http.post("/api/triage/feeds", SUPERVISOR_MA, "{not json").status()).isEqualTo(400);
        assertThat(mongo.count(new Query(), FeedStore.FEEDS)).isZero();
        assertThat(mongo.count(new Query(), FeedStore.INDICATORS)).isZero();
    }

    /** The hand-off as intake sends it: the victim's name and e-mail and the narrative in the content. */
    private void deliverWithPersonalData(org.cyberreport.triage.report.ReportHandoff report) {
        tools.jackson.databind.node.ObjectNode message = (tools.jackson.databind.node.ObjectNode) json.readTree(
                json.writeValueAsString(report));
        tools.jackson.databind.node.ObjectNode content = (tools.jackson.databind.node.ObjectNode) message.get("content");
        ((tools.jackson.databind.node.ObjectNode) content.get("victims").get(0)).put("name", "Amina El Idrissi")
                .put("email", "amina@example.ma");
        content.put("narrative", "Contacted by a self-styled trading mentor on Instagram.");
        assertThat(http.post("/internal/reports", INTAKE_SERVICE, message.toString()).status()).isEqualTo(200);
    }

    private Schema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of(STIX_BASE + file));
    }

    /** Every attribute of a MISP event as "type value" ("object/relation value" inside objects). */
    private static Set<String> attributes(JsonNode event) {
        Set<String> found = new TreeSet<>();
        event.get("Event").get("Attribute").forEach(a -> found.add(a.get("type").asString() + " " + a.get("value").asString()));
        event.get("Event").get("Object").forEach(o -> o.get("Attribute").forEach(a -> found.add(o.get("name").asString()
                + "/" + a.get("object_relation").asString() + " " + a.get("value").asString())));
        return found;
    }

    private List<String> factors(String caseId) {
        return factors(caseId, TRIAGE_MA);
    }

    private List<String> factors(String caseId, String token) {
        return http.get("/api/triage/cases/" + caseId, token).json().get("priority").get("breakdown")
                .findValuesAsString("factor");
    }

    private static String reason(JsonNode view, String factor) {
        for (JsonNode line : view.get("priority").get("breakdown")) {
            if (factor.equals(line.get("factor").asString())) {
                return line.get("reason").asString();
            }
        }
        return "";
    }

    private List<String> auditActions() {
        return mongo.find(new Query(), org.bson.Document.class, "audit_log").stream()
                .map(record -> record.getString("action")).toList();
    }

    /** A report naming one identifier of every kind, a shortener domain, and a possible trafficking victim. */
    private static ReportFacts everyKind(String tlp, Set<String> codes) {
        ReportFacts base = naming(tlp, codes, List.of(
                new ReportFacts.Subject("EMAIL", "payments@bluecoast-invest.com", null, null),
                new ReportFacts.Subject("URL", "https://bluecoast-invest.com/dashboard", null, null),
                new ReportFacts.Subject("DOMAIN", "bluecoast-invest.com", null, null),
                new ReportFacts.Subject("DOMAIN", "bit.ly", null, null),
                new ReportFacts.Subject("IP_ADDRESS", "45.133.1.20", null, null),
                new ReportFacts.Subject("PHONE", "+447911123456", null, null),
                new ReportFacts.Subject("SOCIAL_HANDLE", "@lisa.crypto.mentor", null, "Instagram"),
                new ReportFacts.Subject("CRYPTO_ADDRESS", ETH_WALLET, "ETHEREUM", null),
                new ReportFacts.Subject("PHONE", HELD_PHONE, null, null)));
        ReportFacts.Party to = new ReportFacts.Party(IBAN, null, null, null, "Bluecoast Ltd", null, "FR");
        ReportFacts.Transaction payment = new ReportFacts.Transaction("BANK_TRANSFER",
                new ReportFacts.Amount(new BigDecimal("4500.00"), "EUR"), Fixtures.NOW.minusSeconds(86_400 * 3), null, to,
                null, "COMPLETED");
        ReportFacts.Crypto crypto = null;
        ReportFacts.PossibleTraffickingVictim held = new ReportFacts.PossibleTraffickingVictim(Set.of("FORCED_WORK"),
                List.of(new ReportFacts.Subject("PHONE", HELD_PHONE, null, null)), null, null);
        List<ReportFacts.Subject> subjects = new ArrayList<>(base.subjects());
        subjects.add(new ReportFacts.Subject("CRYPTO_ADDRESS", BTC_WALLET, "BITCOIN", null));
        return new ReportFacts(base.category(), base.jurisdictionCountry(), base.incidentStartedAt(), base.discoveredAt(),
                List.of(new ReportFacts.Victim("PERSON", 67, false, Set.of("ELDERLY"), "MA")), subjects, List.of(payment),
                base.totalLoss(), base.handling(), base.onlineFraud(), base.extortion(), crypto, base.dataTheft(),
                List.of(held));
    }

    private static ReportFacts naming(String tlp, Set<String> codes, List<ReportFacts.Subject> subjects) {
        ReportFacts base = Fixtures.aPlainFraud();
        return new ReportFacts(base.category(), base.jurisdictionCountry(), base.incidentStartedAt(), base.discoveredAt(),
                base.victims(), subjects, base.transactions(), base.totalLoss(), new ReportFacts.Handling(tlp, codes),
                base.onlineFraud(), base.extortion(), base.crypto(), base.dataTheft());
    }
}
