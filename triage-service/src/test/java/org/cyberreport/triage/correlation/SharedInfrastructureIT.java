package org.cyberreport.triage.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Reports that name only shared infrastructure (a platform without an account, a URL shortener, a
 * webmail provider) stay apart; reports that name one account on a platform, however written, meet.
 */
class SharedInfrastructureIT extends TriageIT {

    private static final List<ReportFacts.Subject> SHARED = List.of(
            new ReportFacts.Subject("URL", "https://www.facebook.com/", null, null),
            new ReportFacts.Subject("DOMAIN", "facebook.com", null, null),
            new ReportFacts.Subject("URL", "https://bit.ly/", null, null),
            new ReportFacts.Subject("DOMAIN", "tinyurl.com", null, null),
            new ReportFacts.Subject("DOMAIN", "gmail.com", null, null),
            new ReportFacts.Subject("URL", "https://outlook.com/", null, null),
            new ReportFacts.Subject("URL", "https://t.me/", null, null));

    @Test
    void fiftyReportsThatShareOnlyPlatformsShortenersOrWebmailAreNotLinked() {
        for (int i = 0; i < 50; i++) {
            List<ReportFacts.Subject> subjects = List.of(SHARED.get(i % SHARED.size()), SHARED.get((i + 3) % SHARED.size()));
            deliver(Fixtures.aHandoff("shared-" + i, 1, i % 2 == 0 ? "MA" : "FR", fraudNaming(subjects, "25000")));
        }

        for (int i = 0; i < 50; i++) {
            JsonNode view = http.get("/api/triage/cases/shared-" + i, i % 2 == 0 ? TRIAGE_MA : TRIAGE_FR).json();
            assertThat(view.get("links")).as("case %d", i).isEmpty();
            assertThat(view.path("cluster").path("cases").asInt(1)).as("case %d alone", i).isEqualTo(1);
            assertThat(points(view, "LINKED_REPORTS")).as("no points for links").isZero();
            assertThat(view.get("priority").get("breakdown").toString()).doesNotContain("linked reports");
            assertThat(view.get("setAside")).as("the identifiers set aside, with why").hasSize(2);
            for (JsonNode aside : view.get("setAside")) {
                assertThat(aside.get("reason").asString()).isIn("WARNING_LIST", "PLATFORM_WITHOUT_ACCOUNT");
                if (aside.get("reason").asString().equals("WARNING_LIST")) {
                    assertThat(aside.get("list").asString()).isNotBlank();
                    assertThat(aside.get("listVersion").asString()).isNotBlank();
                }
            }
            assertThat(view.get("history").findValuesAsString("action")).contains("IDENTIFIERS_SET_ASIDE");
        }
        assertThat(indicators.casesWith("domain:facebook.com")).isEmpty();
        assertThat(indicators.casesWith("domain:gmail.com")).isEmpty();
    }

    @Test
    void fiveReportsThatNameOneProfileHoweverWrittenAreLinked() {
        List<ReportFacts.Subject> ways = List.of(
                new ReportFacts.Subject("URL", "https://www.facebook.com/Lisa.Crypto.Mentor", null, null),
                new ReportFacts.Subject("URL", "https://m.facebook.com/lisa.crypto.mentor/?ref=share", null, null),
                new ReportFacts.Subject("URL", "facebook.com/lisa.crypto.mentor", null, null),
                new ReportFacts.Subject("SOCIAL_HANDLE", "@lisa.crypto.mentor", null, "Facebook"),
                new ReportFacts.Subject("SOCIAL_HANDLE", "Lisa.Crypto.Mentor", null, "fb"));
        for (int i = 0; i < ways.size(); i++) {
            // each also names the platform's home page and a webmail: set aside, as above
            deliver(Fixtures.aHandoff("profile-" + i, 1, "MA", fraudNaming(List.of(ways.get(i), SHARED.get(0), SHARED.get(4)), "900")));
        }

        JsonNode last = http.get("/api/triage/cases/profile-4", TRIAGE_MA).json();
        assertThat(last.get("links")).hasSize(4);
        assertThat(last.get("cluster").get("cases").asInt()).isEqualTo(5);
        assertThat(points(last, "LINKED_REPORTS")).isPositive();
        assertThat(indicators.casesWith("handle:facebook:lisa.crypto.mentor")).hasSize(5);
        JsonNode identifiers = http.get("/api/triage/clusters/" + last.get("cluster").get("clusterId").asString(), TRIAGE_MA)
                .json().get("identifiers");
        assertThat(identifiers.findValuesAsString("value")).containsExactly("facebook:lisa.crypto.mentor");
    }

    @Test
    void aPageOnAShortenerIsSpecificEvenThoughTheShortenerIsNot() {
        deliver(Fixtures.aHandoff("short-1", 1, "MA", fraudNaming(
                List.of(new ReportFacts.Subject("URL", "https://bit.ly/3xYz9Q", null, null)), "100")));
        deliver(Fixtures.aHandoff("short-2", 1, "MA", fraudNaming(
                List.of(new ReportFacts.Subject("URL", "http://bit.ly/3xYz9Q?utm_source=sms", null, null)), "100")));
        deliver(Fixtures.aHandoff("short-3", 1, "MA", fraudNaming(
                List.of(new ReportFacts.Subject("URL", "https://bit.ly/4Other", null, null)), "100")));

        assertThat(http.get("/api/triage/cases/short-2", TRIAGE_MA).json().get("links")).hasSize(1);
        assertThat(http.get("/api/triage/cases/short-3", TRIAGE_MA).json().get("links")).isEmpty();
        assertThat(Set.copyOf(indicators.casesWith("url:bit.ly/3xYz9Q"))).containsExactlyInAnyOrder("short-1", "short-2");
    }

    private static int points(JsonNode view, String factor) {
        for (JsonNode score : view.get("priority").get("breakdown")) {
            if (score.get("factor").asString().equals(factor)) {
                return score.get("points").asInt();
            }
        }
        return 0;
    }

    private static ReportFacts fraudNaming(List<ReportFacts.Subject> subjects, String loss) {
        ReportFacts plain = Fixtures.aFraud(List.of(Fixtures.anAdult()), new ArrayList<>(),
                new ReportFacts.Amount(new BigDecimal(loss), "EUR"), false);
        return new ReportFacts(plain.category(), plain.jurisdictionCountry(), plain.incidentStartedAt(), plain.discoveredAt(),
                plain.victims(), subjects, plain.transactions(), plain.totalLoss(), plain.handling(), plain.onlineFraud(),
                null, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    IndicatorStore indicators;
}
