package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two national platforms side by side, each with its own Keycloak (realm keys), services and databases:
 * Morocco's (the tests' usual platform) and France's (10,000 ports above). A Moroccan officer asks France's
 * platform about a wallet France holds and one it does not (RFC 9497 OPRF hit/no-hit): the first is a hit
 * with France's case reference, the second a no-hit of which France keeps no trace in any reversible form,
 * in its logs or its database files. The hit's pre-filled information request goes to France's platform
 * signed, France's liaison answers it there, and the answer comes back to Morocco's officer.
 */
class HitNoHitE2EIT {

    private static final Http MOROCCO = new Http(RunningPlatform.GATEWAY);
    private static final PartnerPlatform FRANCE_PLATFORM = new PartnerPlatform("FR");
    private static final Http FRANCE = FRANCE_PLATFORM.gateway();

    @BeforeAll
    static void start() throws Exception {
        RunningPlatform.environment("COOPERATION_PUBLIC_BASE_URL", "http://127.0.0.1:" + RunningPlatform.GATEWAY);
        RunningPlatform.environment("CYBERREPORT_HITCHECK_COUNTRY", "MA");
        RunningPlatform.start();
        FRANCE_PLATFORM.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            FRANCE_PLATFORM.stop();
        } finally {
            RunningPlatform.stop();
            RunningPlatform.withoutEnvironment("COOPERATION_PUBLIC_BASE_URL");
            RunningPlatform.withoutEnvironment("CYBERREPORT_HITCHECK_COUNTRY");
        }
    }

    @Test
    void aHitLeadsToASignedRequestAnsweredInThePartnersPlatformAndANoHitLeavesNoTrace() throws Exception {
        String held = wallet();
        String notHeld = wallet();
        switchOnBothWays();

        // France's platform holds a report naming the first wallet
        String reporterFr = FRANCE_PLATFORM.tokenFor("reporter.fr");
        Http.Answer filed = FRANCE.post("/api/reports", reporterFr,
                Reports.cryptoTo(held, 88_001).replace("\"jurisdictionCountry\":\"MA\"", "\"jurisdictionCountry\":\"FR\""),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String triageFr = FRANCE_PLATFORM.tokenFor("triage.fr");
        String franceCase = filed.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> FRANCE.get("/api/triage/cases/" + franceCase, triageFr).status() == 200);
        String franceReference = FRANCE.get("/api/triage/cases/" + franceCase, triageFr).json().get("reference").asString();

        // Morocco's officer asks about both
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        Http.Answer hit = ask(triageMa, held);
        assertThat(hit.status()).as(hit.body()).isEqualTo(200);
        assertThat(hit.json().get("identifiers").get(0).get("hit").asBoolean()).isTrue();
        assertThat(hit.json().get("identifiers").get(0).get("references").get(0).asString()).isEqualTo(franceReference);
        Http.Answer noHit = ask(triageMa, notHeld);
        assertThat(noHit.status()).as(noHit.body()).isEqualTo(200);
        assertThat(noHit.json().get("identifiers").get(0).get("hit").asBoolean()).isFalse();
        assertThat(noHit.json().get("identifiers").get(0).get("references")).isEmpty();
        assertThat(noHit.json().has("followUp")).isFalse();
        String notHeldKey = noHit.json().get("identifiers").get(0).get("identifier").asString();
        // the table Morocco received holds France's entries, none of which it can read without France's key
        assertThat(noHit.json().get("partnerTableSize").asInt()).isGreaterThanOrEqualTo(1);

        // audited on both sides: the question with its purpose here, the answer (its size only) there
        JsonNode asked = MOROCCO.get("/api/triage/audit?action=HITCHECK_ASKED", RunningPlatform.tokenFor("auditor")).json();
        assertThat(asked.toString()).contains("Investment fraud wallet check").contains(franceReference);
        JsonNode answered = FRANCE.get("/api/cooperation/audit?action=HITCHECK_ANSWERED", FRANCE_PLATFORM.tokenFor("auditor")).json();
        assertThat(answered.findValuesAsString("action")).hasSize(2);

        // France keeps no trace of the wallet it does not hold, in any reversible form
        List<String> forms = reversibleForms(notHeld, notHeldKey);
        assertNoTrace(FRANCE_PLATFORM.logs(), forms);
        assertNoTrace(FRANCE_PLATFORM.dataDir, forms);

        // the hit's pre-filled information request, sent as it is
        ObjectNode followUp = (ObjectNode) hit.json().get("followUp");
        followUp.put("send", true);
        followUp.put("caseReference", "MA-HIT-88001");
        Http.Answer sent = MOROCCO.post("/api/cooperation/requests", triageMa, followUp.toString());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String requestId = sent.json().get("id").asString();

        String liaisonFr = FRANCE_PLATFORM.tokenFor("liaison.fr");
        await().atMost(Duration.ofSeconds(60)).until(() -> FRANCE.get("/api/cooperation/inbox", liaisonFr).json().toString()
                .contains("MA-HIT-88001"));
        JsonNode received = null;
        for (JsonNode request : FRANCE.get("/api/cooperation/inbox", liaisonFr).json()) {
            if ("MA-HIT-88001".equals(request.path("caseReference").asString())) {
                received = request;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.get("requestingCountry").asString()).isEqualTo("MA");
        assertThat(received.toString()).contains(franceReference);
        Http.Answer answer = FRANCE.post("/api/cooperation/requests/" + received.get("id").asString() + "/answer", liaisonFr,
                "{\"text\":\"Case " + franceReference + ": 14 victims in France, the wallet is a deposit address of a fake trading platform.\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> "ANSWERED".equals(
                MOROCCO.get("/api/cooperation/requests/" + requestId, triageMa).json().get("status").asString()));
        assertThat(MOROCCO.get("/api/cooperation/requests/" + requestId, triageMa).json().get("answer").get("text").asString())
                .contains("14 victims in France");
    }

    private static Http.Answer ask(String token, String wallet) {
        return MOROCCO.post("/api/triage/hitchecks", token, """
                {"partner":"FR","type":"CRYPTO_ADDRESS","value":"%s","chain":"ETHEREUM",
                 "purpose":"Investment fraud wallet check, case MA-2026-000042"}""".formatted(wallet));
    }

    /** Each platform learns the other's key, and hit/no-hit and pushed requests are switched on both ways. */
    private static void switchOnBothWays() {
        String adminMa = RunningPlatform.tokenFor("admin");
        String adminFr = FRANCE_PLATFORM.tokenFor("admin");
        JsonNode moroccoKey = MOROCCO.get("/api/cooperation/signing-key", adminMa).json();
        JsonNode franceKey = FRANCE.get("/api/cooperation/signing-key", adminFr).json();
        String moroccoBase = "http://127.0.0.1:" + RunningPlatform.GATEWAY;
        String franceBase = "http://127.0.0.1:" + FRANCE_PLATFORM.gateway;
        Http.Answer inMorocco = put(MOROCCO, "/api/cooperation/directory/FR", adminMa, """
                {"delivery":"PUSH","endpoint":"%s/api/cooperation/partners/MA/requests","partnerKeyId":"%s",
                 "partnerPublicKey":"%s","hitcheck":true,"hitcheckEndpoint":"%s/api/cooperation/partners/MA/hitcheck"}"""
                .formatted(franceBase, franceKey.get("keyId").asString(), franceKey.get("publicKey").asString(), franceBase));
        assertThat(inMorocco.status()).as(inMorocco.body()).isEqualTo(200);
        Http.Answer inFrance = put(FRANCE, "/api/cooperation/directory/MA", adminFr, """
                {"delivery":"PUSH","endpoint":"%s/api/cooperation/partners/FR/requests","partnerKeyId":"%s",
                 "partnerPublicKey":"%s","hitcheck":true,"hitcheckEndpoint":"%s/api/cooperation/partners/FR/hitcheck"}"""
                .formatted(moroccoBase, moroccoKey.get("keyId").asString(), moroccoKey.get("publicKey").asString(), moroccoBase));
        assertThat(inFrance.status()).as(inFrance.body()).isEqualTo(200);
    }

    private static Http.Answer put(Http gateway, String path, String token, String body) {
        return gateway.send(gateway.request(path, token, Map.of("Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String wallet() {
        byte[] address = new byte[20];
        new SecureRandom().nextBytes(address);
        return "0x" + HexFormat.of().formatHex(address);
    }

    /** The wallet as given, as normalised, upper and lower case, their SHA-256 in hex and Base64. */
    private static List<String> reversibleForms(String wallet, String key) throws Exception {
        List<String> forms = new ArrayList<>();
        for (String form : List.of(wallet, key, wallet.substring(2))) {
            forms.add(form.toLowerCase(Locale.ROOT));
            forms.add(form.toUpperCase(Locale.ROOT));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(form.getBytes(StandardCharsets.UTF_8));
            forms.add(HexFormat.of().formatHex(digest));
            forms.add(Base64.getEncoder().encodeToString(digest));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }
        // the address's bytes themselves, in hex (already above) and as they would sit in a binary field
        forms.add(new String(HexFormat.of().parseHex(wallet.substring(2)), StandardCharsets.ISO_8859_1));
        return forms;
    }

    private static void assertNoTrace(Path folder, List<String> forms) throws IOException {
        assertThat(folder).isDirectory();
        int files = 0;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String lower = content.toLowerCase(Locale.ROOT);
                files++;
                for (String form : forms) {
                    assertThat(content.contains(form) || lower.contains(form.toLowerCase(Locale.ROOT)))
                            .as("%s holds %s", file, form).isFalse();
                }
            }
        }
        assertThat(files).as("files looked at in " + folder).isPositive();
    }
}
