package org.cyberreport.triage.trafficking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/**
 * A report that marks a person as a possible victim of trafficking in a scam compound: the person's
 * identifiers add no suspect points and link no case (even where the report also lists them among the
 * subjects, and another report names them as a suspect's), the case is flagged for the unit that
 * handles trafficking, whose officers alone are told, the queue filters on the flag, and a request
 * about the compound is drafted from the case without the person's name or identifiers.
 */
class TraffickingIT extends TriageIT {

    private static final String HELD_PHONE = "+855962345678";
    private static final String TRAFFICKING_OFFICER = TestTokens.user("trafficking.ma", List.of("triage-officer"), "MA",
            "MA-TRAFFICKING");

    @BeforeEach
    void noNotices() {
        for (String collection : new String[] {"notices", "notice_watermarks", "notice_mailer"}) {
            mongo.remove(new Query(), collection);
        }
    }

    @Test
    void aPossibleVictimsIdentifiersAreSetAsideAndTheCaseIsFlaggedForTheTraffickingUnit() {
        deliver(Fixtures.aHandoff("r-compound", 1, "MA", withHeldPerson()));
        // another report names the same phone as a suspect's: it must not link to the person's case
        deliver(Fixtures.aHandoff("r-suspect", 1, "MA", naming(List.of(
                new ReportFacts.Subject("PHONE", HELD_PHONE, null, null)))));

        JsonNode view = http.get("/api/triage/cases/r-compound", TRIAGE_MA).json();
        List<String> setAside = new ArrayList<>();
        view.get("setAside").forEach(aside -> {
            if ("POSSIBLE_TRAFFICKING_VICTIM".equals(aside.get("reason").asString())) {
                setAside.add(aside.get("identifier").asString());
            }
        });
        assertThat(setAside).containsExactly("phone:" + HELD_PHONE);
        assertThat(view.get("links")).isEmpty();
        // one suspect identifier left to follow (the IBAN), not two
        assertThat(reason(view, "LINES_OF_ENQUIRY")).startsWith("1 suspect identifier");
        JsonNode flag = view.get("trafficking");
        assertThat(flag.get("unit").asString()).isEqualTo("MA-TRAFFICKING");
        assertThat(flag.get("persons").asInt()).isEqualTo(1);
        assertThat(flag.get("compoundCountries").get(0).asString()).isEqualTo("KH");
        assertThat(view.get("history").findValuesAsString("action")).contains("FLAGGED_FOR_TRAFFICKING_UNIT");
        assertThat(http.get("/api/triage/cases/r-suspect", TRIAGE_MA).json().get("links")).isEmpty();

        JsonNode flagged = http.get("/api/triage/cases?trafficking=true", TRIAGE_MA).json();
        assertThat(flagged.get("items").findValuesAsString("id")).containsExactly("r-compound");
        assertThat(flagged.get("items").get(0).get("trafficking").asBoolean()).isTrue();
        assertThat(http.get("/api/triage/cases", TRIAGE_MA).json().get("items").findValuesAsString("id"))
                .contains("r-compound", "r-suspect");
    }

    @Test
    void theTraffickingUnitsOfficersAreToldAndNobodyElse() {
        deliverNamed(Fixtures.aHandoff("r-told", 1, "MA", withHeldPerson()));
        assertThat(http.get("/api/triage/cases/r-told", TRIAGE_MA).body()).as("the name is in the case").contains("Lisa");

        await().atMost(Duration.ofSeconds(20)).until(() -> kinds(TRAFFICKING_OFFICER).contains("CASE_TRAFFICKING"));
        JsonNode notice = notices(TRAFFICKING_OFFICER).stream()
                .filter(n -> "CASE_TRAFFICKING".equals(n.get("kind").asString())).findFirst().orElseThrow();
        assertThat(notice.toString()).doesNotContain(HELD_PHONE).doesNotContain("Lisa");
        assertThat(kinds(TRIAGE_MA)).doesNotContain("CASE_TRAFFICKING");
        assertThat(kinds(TestTokens.user("trafficking.fr", List.of("triage-officer"), "FR", "MA-TRAFFICKING")))
                .doesNotContain("CASE_TRAFFICKING");
    }

    @Test
    void aRequestAboutTheCompoundIsDraftedWithoutThePersonAndPostsAsAnEscalation() {
        deliverNamed(Fixtures.aHandoff("r-draft", 1, "MA", withHeldPerson(
                new ReportFacts.Compound("MA", "Casablanca", "a flat used as a call centre", null, null))));
        assertThat(http.get("/api/triage/cases/r-draft", TRIAGE_MA).body()).as("the name is in the case").contains("Lisa");

        Http.Answer drafts = http.get("/api/triage/cases/r-draft/compound-requests", TRIAGE_MA);

        assertThat(drafts.status()).isEqualTo(200);
        JsonNode draft = drafts.json().get(0);
        assertThat(drafts.json()).as("a compound at home is no request abroad").hasSize(1);
        assertThat(draft.get("destinationCountry").asString()).isEqualTo("KH");
        assertThat(draft.get("requestType").asString()).isEqualTo("INFORMATION_REQUEST");
        assertThat(draft.get("urgent").asBoolean()).isTrue();
        String reason = draft.get("reason").asString();
        assertThat(reason).contains("Sihanoukville", "Building C", "(10.60930, 103.52960)", "fake job offer",
                "passport confiscated", "forced work");
        assertThat(reason).doesNotContain("Lisa").doesNotContain(HELD_PHONE).doesNotContain("962345678");

        Http.Answer escalated = http.post("/api/triage/cases/r-draft/escalations", TRIAGE_MA, draft.toString());
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(202);
        assertThat(http.get("/api/triage/cases/r-draft/compound-requests", TRIAGE_FR).status()).isEqualTo(404);
    }

    @Test
    void anAmendmentThatRemovesThePersonTakesTheFlagAwayAndTheIdentifierLinksAgain() {
        ReportHandoff first = Fixtures.aHandoff("r-amended", 1, "MA", withHeldPerson());
        deliver(first);

        deliver(version(first, 2, "FILED", naming(List.of(new ReportFacts.Subject("PHONE", HELD_PHONE, null, null),
                new ReportFacts.Subject("IBAN", "FR7630006000011234567890189", null, null)))));

        JsonNode view = http.get("/api/triage/cases/r-amended", TRIAGE_MA).json();
        assertThat(view.has("trafficking")).isFalse();
        assertThat(view.get("history").findValuesAsString("action")).contains("TRAFFICKING_FLAG_REMOVED");
        assertThat(reason(view, "LINES_OF_ENQUIRY")).startsWith("2 suspect identifier");
        assertThat(http.get("/api/triage/cases?trafficking=true", TRIAGE_MA).json().get("items")).isEmpty();
    }

    /** The hand-off as intake sends it, with the person's name (triage's own copy of the facts drops it). */
    private void deliverNamed(ReportHandoff report) {
        tools.jackson.databind.node.ObjectNode message = (tools.jackson.databind.node.ObjectNode) json.readTree(
                json.writeValueAsString(report));
        ((tools.jackson.databind.node.ObjectNode) message.get("content").get("possibleTraffickingVictims").get(0))
                .put("name", "Lisa");
        assertThat(http.post("/internal/reports", INTAKE_SERVICE, message.toString()).status()).isEqualTo(200);
    }

    private static ReportFacts withHeldPerson(ReportFacts.Compound... moreCompounds) {
        ReportFacts base = naming(List.of(new ReportFacts.Subject("PHONE", HELD_PHONE, null, null),
                new ReportFacts.Subject("IBAN", "FR7630006000011234567890189", null, null)));
        ReportFacts.PossibleTraffickingVictim person = new ReportFacts.PossibleTraffickingVictim(
                Set.of("FAKE_JOB_OFFER", "PASSPORT_CONFISCATED", "FORCED_WORK"),
                List.of(new ReportFacts.Subject("PHONE", HELD_PHONE, null, null)),
                new ReportFacts.Compound("KH", "Sihanoukville", "a guarded compound, 'Building C'", 10.6093, 103.5296),
                "PH");
        List<ReportFacts.PossibleTraffickingVictim> persons = new ArrayList<>(List.of(person));
        for (ReportFacts.Compound compound : moreCompounds) {
            persons.add(new ReportFacts.PossibleTraffickingVictim(Set.of("FORCED_WORK"), List.of(), compound, null));
        }
        return new ReportFacts(base.category(), base.jurisdictionCountry(), base.incidentStartedAt(), base.discoveredAt(),
                base.victims(), base.subjects(), base.transactions(), base.totalLoss(), base.handling(), base.onlineFraud(),
                base.extortion(), base.crypto(), base.dataTheft(), persons);
    }

    @Test
    void aPossibleVictimsPageSetsAsideThePageNotTheWholeSite() {
        ReportFacts base = naming(List.of(new ReportFacts.Subject("URL", "https://scam-desk-agents.com/agents/mina", null, null)));
        ReportFacts withPage = new ReportFacts(base.category(), base.jurisdictionCountry(), base.incidentStartedAt(),
                base.discoveredAt(), base.victims(), base.subjects(), base.transactions(), base.totalLoss(), base.handling(),
                base.onlineFraud(), base.extortion(), base.crypto(), base.dataTheft(), List.of(
                        new ReportFacts.PossibleTraffickingVictim(Set.of("FORCED_WORK"), List.of(new ReportFacts.Subject(
                                "URL", "https://scam-desk-agents.com/agents/lisa", null, null)), null, null)));
        deliver(Fixtures.aHandoff("r-page", 1, "MA", withPage));
        deliver(Fixtures.aHandoff("r-site", 1, "MA", naming(List.of(
                new ReportFacts.Subject("DOMAIN", "scam-desk-agents.com", null, null)))));

        JsonNode view = http.get("/api/triage/cases/r-page", TRIAGE_MA).json();
        assertThat(view.get("setAside").findValuesAsString("identifier")).contains("url:scam-desk-agents.com/agents/lisa")
                .doesNotContain("domain:scam-desk-agents.com");
        assertThat(view.get("links").findValuesAsString("reference")).as("the suspects' site still links").isNotEmpty();
    }

    private static ReportFacts naming(List<ReportFacts.Subject> subjects) {
        ReportFacts base = Fixtures.aPlainFraud();
        return new ReportFacts(base.category(), base.jurisdictionCountry(), base.incidentStartedAt(), base.discoveredAt(),
                base.victims(), subjects, base.transactions(), base.totalLoss(), base.handling(), base.onlineFraud(),
                base.extortion(), base.crypto(), base.dataTheft());
    }

    private static String reason(JsonNode view, String factor) {
        for (JsonNode line : view.get("priority").get("breakdown")) {
            if (factor.equals(line.get("factor").asString())) {
                return line.get("reason").asString();
            }
        }
        return "";
    }

    private List<JsonNode> notices(String token) {
        List<JsonNode> notices = new ArrayList<>();
        http.get("/api/triage/notifications", token).json().path("items").forEach(notices::add);
        return notices;
    }

    private List<String> kinds(String token) {
        return notices(token).stream().map(notice -> notice.get("kind").asString()).toList();
    }
}
