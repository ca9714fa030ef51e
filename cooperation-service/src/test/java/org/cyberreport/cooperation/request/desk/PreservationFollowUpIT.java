package org.cyberreport.cooperation.request.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A preservation granted until a stated day: the assistance request is drafted at once, the officers are
 * reminded 30 and 7 days before the end, and the extension is drafted when the assistance request is late.
 * The watch runs at moments the test chooses.
 */
@TestPropertySource(properties = {"cyberreport.cooperation.forwarding.enabled=false",
        "cyberreport.cooperation.preservation-check=PT24H", "cyberreport.cooperation.notices.first-check=PT24H"})
class PreservationFollowUpIT extends CooperationIT {

    @Autowired
    PreservationWatch watch;

    private Instant preservedUntil;

    @BeforeEach
    void noNotices() {
        mongo.remove(new Query(), "notices");
        preservedUntil = Instant.now().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theCountdownRemindsAt30And7DaysAndDraftsTheExtensionWhenTheAssistanceRequestIsLate() {
        String preservation = sentPreservation();
        JsonNode answered = answer(preservation, preservedUntil);
        assertThat(answered.get("preservedUntil").asString()).isEqualTo(preservedUntil.toString());

        JsonNode own = http.get("/api/cooperation/requests/" + preservation, TRIAGE_MA).json();
        assertThat(own.get("preservationDaysLeft").asLong()).isBetween(89L, 90L);
        String assistanceId = own.get("followUps").get(0).asString();
        JsonNode assistance = http.get("/api/cooperation/requests/" + assistanceId, TRIAGE_MA).json();
        assertThat(assistance.get("status").asString()).isEqualTo("DRAFT");
        assertThat(assistance.get("type").asString()).isEqualTo("MUTUAL_LEGAL_ASSISTANCE");
        assertThat(assistance.get("destinationCountry").asString()).isEqualTo("FR");
        assertThat(assistance.get("content").get("assistanceSought").asString())
                .contains(preservation).contains("Subscriber and log data of bluecoast-invest.com");
        assertThat(assistance.get("content").get("summaryOfFacts").asString()).isEqualTo("Victims paid a fake broker");
        assertThat(assistance.get("missing").toString()).contains("proceedingsNature").contains("persons");
        assertThat(assistance.get("legalBasis").get("article").asString()).isEqualTo("Art. 25, 27");

        watch.check(preservedUntil.minus(Duration.ofDays(31)));
        assertThat(officerNotices()).isEmpty();
        watch.check(preservedUntil.minus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
        watch.check(preservedUntil.minus(Duration.ofDays(20)));
        assertThat(officerNotices()).containsExactly("PRESERVATION_ENDING " + preservation + ":preservation-ends-30");
        assertThat(extensions(preservation)).as("no extension while more than 7 days are left").isEmpty();

        watch.check(preservedUntil.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        watch.check(preservedUntil.minus(Duration.ofDays(3)));
        assertThat(officerNotices()).containsExactlyInAnyOrder("PRESERVATION_ENDING " + preservation + ":preservation-ends-30",
                "PRESERVATION_ENDING " + preservation + ":preservation-ends-7");
        List<Document> extensions = extensions(preservation);
        assertThat(extensions).hasSize(1);
        JsonNode extension = http.get("/api/cooperation/requests/" + extensions.getFirst().getString("_id"), TRIAGE_MA).json();
        assertThat(extension.get("type").asString()).isEqualTo("PRESERVATION");
        assertThat(extension.get("status").asString()).isEqualTo("DRAFT");
        assertThat(extension.get("urgent").asBoolean()).isTrue();
        assertThat(extension.get("missing")).as("ready to send").isEmpty();
        assertThat(extension.get("content").get("necessity").asString()).contains("Extension").contains(assistanceId);
        String extensionId = extension.get("id").asString();
        assertThat(http.post("/api/cooperation/requests/" + extensionId + "/submission", TRIAGE_MA, "{}")
                .json().get("status").asString()).isEqualTo("SENT");

        // FR extends the preservation; the assistance request to send is still the first one, not a second draft
        Instant extendedUntil = preservedUntil.plus(Duration.ofDays(60));
        answer(extensionId, extendedUntil);
        assertThat(http.get("/api/cooperation/requests/" + extensionId, TRIAGE_MA).json().get("followUps")).isEmpty();
        sendAssistance(assistanceId);
        watch.check(extendedUntil.minus(Duration.ofDays(5)));
        assertThat(officerNotices()).as("the assistance request went: nothing more to remind of").hasSize(2);
        assertThat(extensions(extensionId)).isEmpty();
        assertThat(http.get("/api/cooperation/notifications", LIAISON_FR).json().toString())
                .as("the destination's liaisons are not told of the requesting side's countdown").doesNotContain("PRESERVATION_ENDING");
    }

    @Test
    void anAssistanceRequestSentInTimeEndsTheCountdown() {
        String preservation = sentPreservation();
        answer(preservation, preservedUntil);
        String assistanceId = http.get("/api/cooperation/requests/" + preservation, TRIAGE_MA).json().get("followUps").get(0).asString();
        sendAssistance(assistanceId);

        watch.check(preservedUntil.minus(Duration.ofDays(25)));
        watch.check(preservedUntil.minus(Duration.ofDays(5)));
        assertThat(officerNotices()).isEmpty();
        assertThat(extensions(preservation)).isEmpty();
    }

    @Test
    void onlyAPreservationsAnswerSaysUntilWhenAndNotInThePast() {
        String stop = http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")).json().get("id").asString();
        assertThat(http.post("/api/cooperation/requests/" + stop + "/answer", LIAISON_FR,
                "{\"text\":\"Stopped\",\"preservedUntil\":\"" + preservedUntil + "\"}").status()).isEqualTo(422);
        String preservation = sentPreservation();
        assertThat(http.post("/api/cooperation/requests/" + preservation + "/answer", LIAISON_FR,
                "{\"text\":\"Preserved\",\"preservedUntil\":\"2020-01-01T00:00:00Z\"}").status()).isEqualTo(400);
        assertThat(http.get("/api/cooperation/requests/" + preservation, TRIAGE_MA).json().get("status").asString()).isEqualTo("SENT");
    }

    private void sendAssistance(String assistanceId) {
        Http.Answer sent = http.post("/api/cooperation/requests/" + assistanceId + "/submission", TRIAGE_MA, """
                {"content":{"requestingAuthority":"DGSN, Rabat","offence":"Investment fraud","summaryOfFacts":"Victims paid a fake broker",
                  "proceedingsSubject":"Investment fraud","proceedingsNature":"Criminal investigation",
                  "assistanceSought":"Production of the preserved data","purpose":"Identify the operators",
                  "persons":[{"name":"Unknown operator","location":"unknown","nationality":"unknown"}]}}""");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    }

    private String sentPreservation() {
        Http.Answer drafted = http.post("/api/cooperation/requests", TRIAGE_MA, """
                {"caseReference":"MA-2026-000042","destinationCountry":"FR","type":"PRESERVATION","urgent":false,
                 "handling":{"tlp":"AMBER","codes":["H0"]},"send":true,
                 "content":{"requestingAuthority":"DGSN, Rabat","offence":"Investment fraud","summaryOfFacts":"Victims paid a fake broker",
                   "dataToPreserve":"Subscriber and log data of bluecoast-invest.com","linkToOffence":"The fraud site",
                   "custodianOrLocation":"OVH, Roubaix","necessity":"Logs are kept 30 days","mutualLegalAssistanceToFollow":true}}""");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted.json().get("id").asString();
    }

    private JsonNode answer(String id, Instant until) {
        Http.Answer answered = http.post("/api/cooperation/requests/" + id + "/answer", LIAISON_FR,
                "{\"text\":\"The data is preserved\",\"preservedUntil\":\"" + until + "\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered.json();
    }

    private List<String> officerNotices() {
        List<String> notices = new ArrayList<>();
        http.get("/api/cooperation/notifications", TRIAGE_MA).json().get("items").forEach(notice ->
                notices.add(notice.get("kind").asString() + " " + notice.get("id").asString().replaceFirst("^request:", "")));
        return notices;
    }

    /** The extension drafted for a preservation, found under the id the platform derives from the preservation's. */
    private List<Document> extensions(String preservation) {
        String id = UUID.nameUUIDFromBytes((preservation + "/extension").getBytes(StandardCharsets.UTF_8)).toString();
        return mongo.find(Query.query(Criteria.where("_id").is(id).and("origin").is("PRESERVATION_EXTENSION")), Document.class,
                "requests");
    }
}
