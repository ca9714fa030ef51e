package org.cyberreport.intake.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cyberreport.intake.support.IntakeIT;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.RawHttp;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** One test per kind of hostile input of issue 10: each is a 4xx problem, and nothing is stored. */
class IntakeInputHardeningIT extends IntakeIT {

    private static final String REPORTER = TestTokens.reporter("MA", "casablanca-cyber");
    private static final String OFFICER = TestTokens.triageOfficer("MA");

    @Test
    void headerBytesThatAreNotTextAreA400Problem() {
        for (byte[] key : List.of(new byte[] {'k', 'e', 'y', (byte) 0xFF, (byte) 0xFE, '-', '1', '2', '3'},
                "key-\u202e-12345".getBytes(StandardCharsets.UTF_8), new byte[] {'k', 'e', 'y', 0x01, '1', '2', '3', '4'})) {
            RawHttp.Response answer = raw("POST", "/api/reports", REPORTER, concat("Idempotency-Key: ", key),
                    example("crypto"));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }
        RawHttp.Response ifMatch = raw("POST", "/api/reports/any/withdrawal", REPORTER,
                concat("If-Match: \"1", new byte[] {(byte) 0xC3, 0x28, '"'}), "{\"reason\":\"x\"}");
        assertThat(ifMatch.status()).isEqualTo(400);
        assertThat(ifMatch.isProblem()).isTrue();
        assertThat(storedReports()).isZero();
    }

    @Test
    void badQueryStringsAreA400Problem() {
        for (String query : List.of("status=%zz", "status=%", "category=%C3%28", "=RECEIVED", "a=%00",
                "receivedFrom=%2B1000000000-01-01T00:00:00Z", "receivedFrom=-999999999-01-01T00:00:00Z",
                "receivedTo=9999-12-31T00:00:00Z")) {
            RawHttp.Response answer = new RawHttp(port).send(new RawHttp.Request("GET",
                    ("/api/reports?" + query).getBytes(StandardCharsets.ISO_8859_1),
                    List.of(("Authorization: Bearer " + OFFICER).getBytes(StandardCharsets.US_ASCII)), null));
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.isProblem()).as(query).isTrue();
        }
    }

    @Test
    void instantsAtTheExtremesInBodiesAreA400NamingTheField() {
        for (String moment : List.of("-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "9999-12-31T00:00:00Z")) {
            Http.Answer answer = file(REPORTER, example("online-fraud").replace("\"2026-09-02T18:30:00Z\"", "\"" + moment + "\""));
            assertThat(answer.status()).as(moment).isEqualTo(400);
            assertThat(answer.json().path("detail").asString()).contains("incidentStartedAt");
        }
        assertThat(storedReports()).isZero();
    }

    @Test
    void nullElementsInAnAmendmentsListsAreA400AndChangeNothing() {
        String id = file(REPORTER, example("crypto")).json().path("id").asString();
        for (String part : List.of("\"victims\":[null]", "\"subjects\":[null]", "\"transactions\":[null]",
                "\"evidence\":[null]", "\"crypto\":{\"subtype\":\"RUG_PULL\",\"custody\":\"SELF\",\"transfers\":[null]}")) {
            Http.Answer answer = http.post("/api/reports/" + id + "/amendments", REPORTER,
                    "{\"reason\":\"null element\"," + part + "}");
            assertThat(answer.status()).as(part).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/reports/" + id, REPORTER).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void amendingTheJurisdictionCountryIsRefusedWith422() {
        String id = file(REPORTER, example("crypto")).json().path("id").asString();
        Http.Answer answer = http.post("/api/reports/" + id + "/amendments", REPORTER,
                "{\"reason\":\"Wrong country\",\"jurisdictionCountry\":\"FR\"}");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("errors").get(0).path("field").asString()).isEqualTo("jurisdictionCountry");
        assertThat(http.get("/api/reports/" + id, REPORTER).json().path("content").path("jurisdictionCountry").asString())
                .isEqualTo("MA");
    }

    @Test
    void controlCharactersLoneSurrogatesAndOverridesInTextAreRefusedNamingTheField() {
        for (String narrative : List.of("\\u0000", "\\u001b[31m", "\\ud800", "\\u202e")) {
            Http.Answer answer = file(REPORTER, example("crypto").replace("\"narrative\": \"", "\"narrative\": \"" + narrative));
            assertThat(answer.status()).as(narrative).isEqualTo(400);
            assertThat(answer.json().path("detail").asString()).contains("narrative");
        }
        assertThat(storedReports()).isZero();
    }

    @Test
    void identifiersRefuseInvisibleAndBidirectionalCharacters() {
        Http.Answer override = file(REPORTER, example("online-fraud")
                .replace("whatsapp-export.pdf", "whatsapp-export\\u202egpj.exe"));
        assertThat(override.status()).isEqualTo(400);
        assertThat(override.json().path("detail").asString()).contains("evidence[0].fileName");
        for (String invisible : List.of("\\u200b", "\\u2066", "\\u00ad", "\\ufeff")) {
            Http.Answer answer = file(REPORTER, example("online-fraud").replace("@lisa.crypto.mentor", "@lisa" + invisible + "crypto"));
            assertThat(answer.status()).as(invisible).isEqualTo(400);
            assertThat(answer.json().path("errors").toString()).as(invisible).contains("subjects[0].value");
        }
        assertThat(storedReports()).isZero();
    }

    @Test
    void textIsStoredInNfcAndTabsAndLineBreaksStay() {
        Http.Answer answer = file(REPORTER, example("crypto")
                .replace("\"narrative\": \"", "\"narrative\": \"Caf\\u0065\\u0301\\tline\\r\\nnext. "));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("content").path("narrative").asString()).startsWith("Caf\u00e9\tline\r\nnext. ");
    }

    @Test
    void duplicateKeysAreRefused() {
        Http.Answer answer = file(REPORTER, example("crypto").replaceFirst("\\{", "{\"category\":\"EXTORTION\","));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asString()).contains("duplicate key");
        assertThat(storedReports()).isZero();
    }

    @Test
    void onlyUtf8WithoutByteOrderMarkIsAccepted() {
        byte[] json = example("crypto").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response bom = raw("POST", "/api/reports", REPORTER, "Idempotency-Key: key-bom-0001".getBytes(),
                concatBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json));
        assertThat(bom.status()).isEqualTo(400);
        assertThat(bom.isProblem()).isTrue();
        RawHttp.Response utf16 = raw("POST", "/api/reports", REPORTER, "Idempotency-Key: key-u16-0001".getBytes(),
                example("crypto").getBytes(StandardCharsets.UTF_16LE));
        assertThat(utf16.status()).isEqualTo(400);
        Http.Answer declared = http.send(http.request("/api/reports", REPORTER, Map.of("Idempotency-Key", "key-u16-0002",
                "Content-Type", "application/json;charset=UTF-16"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(example("crypto"), StandardCharsets.UTF_16)));
        assertThat(declared.status()).as(declared.body()).isEqualTo(415);
        assertThat(storedReports()).isZero();
    }

    @Test
    void seventyFiveThousandEmptyObjectsAreAnsweredQuicklyWithASmallProblem() {
        // Subjects have no required primitive, so nothing stops the parser before its limit on values.
        String body = "{\"subjects\":[" + "{},".repeat(74_999) + "{}]}";
        assertThat(body.length()).isGreaterThan(200_000);
        long started = System.nanoTime();
        Http.Answer answer = file(REPORTER, body);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().length()).isLessThan(2_000);
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void manyViolationsAreListedUpToAHundredWithTheCountOfTheRest() {
        String victim = "{\"kind\":\"PERSON\",\"minor\":false,\"residenceCountry\":\"xx\"},";
        String body = example("crypto").replaceFirst("\"victims\": \\[", "\"victims\": [" + victim.repeat(300));
        Http.Answer answer = file(REPORTER, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").size()).as(answer.body()).isEqualTo(100);
        assertThat(answer.json().path("moreErrors").asInt()).isGreaterThan(400);
        assertThat(answer.json().path("detail").asString()).startsWith(
                (100 + answer.json().path("moreErrors").asInt()) + " field(s) failed validation");
    }

    @Test
    void healthDetailsOnlyForAdministrators() {
        Http.Answer anonymous = management.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().has("components")).isFalse();
        Http.Answer admin = management.get("/actuator/health", TestTokens.user("admin", List.of("admin"), null, null));
        assertThat(admin.json().has("components")).isTrue();
    }

    private RawHttp.Response raw(String method, String path, String token, byte[] header, String body) {
        return raw(method, path, token, header, body.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response raw(String method, String path, String token, byte[] header, byte[] body) {
        return new RawHttp(port).send(new RawHttp.Request(method, path.getBytes(StandardCharsets.US_ASCII), List.of(
                ("Authorization: Bearer " + token).getBytes(StandardCharsets.US_ASCII),
                "Content-Type: application/json".getBytes(StandardCharsets.US_ASCII), header), body));
    }

    private static byte[] concat(String prefix, byte[] rest) {
        return concatBytes(prefix.getBytes(StandardCharsets.US_ASCII), rest);
    }

    private static byte[] concatBytes(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
