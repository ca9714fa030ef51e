package org.cyberreport.triage.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.RawHttp;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/** The triage cases of issue 10: query strings, header bytes, text hygiene, extreme instants, duplicate keys. */
class TriageInputHardeningIT extends TriageIT {

    @Test
    void badQueryStringsAndHeaderBytesAreA400Problem() {
        for (String target : List.of("/api/triage/cases?=NEW", "/api/triage/cases?status=%C3%28", "/api/triage/cases?page=%zz",
                "/api/triage/cases?status=%00")) {
            RawHttp.Response answer = raw(target, "X-Any: ok".getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.isProblem()).as(target).isTrue();
        }
        RawHttp.Response header = raw("/api/triage/cases", new byte[] {'X', '-', 'A', ':', ' ', (byte) 0xFF, 0x01});
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.isProblem()).isTrue();
    }

    @Test
    void notesRefuseControlCharactersAndAreStoredInNfc() {
        deliver(Fixtures.aHandoff("hygiene", 1, "MA", Fixtures.aPlainFraud()));
        Http.Answer nul = http.post("/api/triage/cases/hygiene/notes", TRIAGE_MA, "{\"text\":\"call\\u0000back\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("detail").asString()).contains("text");
        Http.Answer nfd = http.post("/api/triage/cases/hygiene/notes", TRIAGE_MA, "{\"text\":\"Caf\\u0065\\u0301\"}");
        assertThat(nfd.status()).isEqualTo(200);
        assertThat(nfd.body()).contains("Caf\u00e9").doesNotContain("Cafe\u0301");
    }

    @Test
    void handOffsWithInstantsAtTheExtremesOrDuplicateKeysAreRefusedAndStoreNothing() {
        String handoff = json.writeValueAsString(Fixtures.aHandoff("extreme", 1, "MA", Fixtures.aPlainFraud()));
        String extreme = handoff.replace("\"receivedAt\":\"2026-11-29T12:00:00Z\"", "\"receivedAt\":\"+1000000000-01-01T00:00:00Z\"");
        assertThat(extreme).isNotEqualTo(handoff);
        assertThat(http.post("/internal/reports", INTAKE_SERVICE, extreme).status()).isEqualTo(400);
        Http.Answer duplicate = http.post("/internal/reports", INTAKE_SERVICE, handoff.replaceFirst("\\{", "{\"country\":\"FR\","));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(mongo.count(new Query(), "cases")).isZero();
    }

    @Test
    void healthDetailsOnlyForAdministrators() {
        assertThat(management.get("/actuator/health", null).json().has("components")).isFalse();
        assertThat(management.get("/actuator/health", TestTokens.user("admin", List.of("admin"), null, null)).json()
                .has("components")).isTrue();
    }

    private RawHttp.Response raw(String target, byte[] header) {
        return new RawHttp(port).send(new RawHttp.Request("GET", target.getBytes(StandardCharsets.ISO_8859_1),
                List.of(("Authorization: Bearer " + TRIAGE_MA).getBytes(StandardCharsets.US_ASCII), header), null));
    }
}
