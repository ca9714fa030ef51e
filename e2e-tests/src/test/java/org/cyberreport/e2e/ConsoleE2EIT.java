package org.cyberreport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in a real headless Chromium against the whole platform with the real Keycloak: demo users
 * sign in on Keycloak's login page, a reporter files a report with an evidence file hashed in the
 * browser, finds it in the unit's list, and sees the pages in French and in Arabic (right to left);
 * a reporter of another unit gets the not-found page; the triage officer finds the case in the queue,
 * opens its score breakdown, claims it, overrides its level with a reason and escalates the payment to
 * France; liaison.fr finds the request in the inbox, acknowledges and answers it, liaison.es never sees
 * it, and the officer reads the answer among the requests sent abroad. Every page of the journey is saved
 * as a screenshot and checked by axe-core: no serious or critical violation of WCAG 2.2 A and AA.
 */
class ConsoleE2EIT {

    private static final String CONSOLE = "http://localhost:" + RunningPlatform.CONSOLE;
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String FRENCH_IBAN = "FR7630006000011234567890189";
    private static final String OVERRIDE_REASON = "The victim is elderly and her savings may still be recalled";
    private static final String ANSWER = "The beneficiary account was frozen; EUR 500.00 will be recalled.";

    @BeforeAll
    static void startPlatform() throws Exception {
        RunningPlatform.start();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        RunningPlatform.stop();
    }

    @Test
    void aReportFiledInTheBrowserIsEscalatedToFranceWhoseLiaisonAnswersIt() throws Exception {
        Path evidence = Files.createTempFile("whatsapp-export", ".txt");
        Files.writeString(evidence, "Messages exported from the victim's phone.", StandardCharsets.UTF_8);
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(evidence)));
        String reportUrl;
        String reference;
        String caseUrl;

        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            assertThat(browser.driver.getCurrentUrl()).as("sign-in is Keycloak's own page")
                    .startsWith("http://localhost:" + RunningPlatform.KEYCLOAK + "/realms/cyberreport/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256");
            browser.signIn("reporter.ma");
            browser.waitFor(By.cssSelector("main h1"));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(CONSOLE + "/reports");
            assertThat(browser.script("return document.cookie;").toString()).as("no session cookie readable by scripts")
                    .doesNotContain("CONSOLE_SESSION").doesNotContain("KEYCLOAK");

            browser.open(CONSOLE + "/reports/new?category=ONLINE_FRAUD");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            browser.choose("jurisdictionCountry", "MA");
            browser.set("incidentStartedAt", INPUT.format(now.minusDays(3)));
            browser.set("discoveredAt", INPUT.format(now.minusDays(1)));
            browser.type("narrative", "Contacted on Instagram by a trading mentor, the victim wired her savings abroad.");
            browser.choose("onlineFraud.subtype", "INVESTMENT");
            browser.choose("onlineFraud.contactChannel", "SOCIAL_MEDIA");
            browser.type("victims[0].name", "Amina El Idrissi");
            browser.type("victims[0].phone", "not a phone");
            browser.click(By.cssSelector("button[name='_add'][value='transactions']"));
            browser.choose("transactions[0].method", "INSTANT_PAYMENT");
            browser.type("transactions[0].amount.amount", "500.00");
            browser.type("transactions[0].amount.currency", "EUR");
            browser.set("transactions[0].executedAt", INPUT.format(now.minusHours(2)));
            browser.choose("transactions[0].status", "COMPLETED");
            browser.type("transactions[0].uetr", UUID.randomUUID().toString());
            browser.type("transactions[0].from.iban", "MA64011519000001205000534921");
            browser.choose("transactions[0].from.country", "MA");
            browser.type("transactions[0].to.iban", FRENCH_IBAN);
            browser.type("transactions[0].to.bic", "BNPAFRPP");
            browser.choose("transactions[0].to.country", "FR");
            browser.click(By.cssSelector("button[name='_add'][value='evidence']"));
            browser.find(By.cssSelector("input.hash-file")).sendKeys(evidence.toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> expectedHash.equals(browser.attribute("input[name='evidence[0].sha256']", "value")));
            assertThat(browser.attribute("input[name='evidence[0].fileName']", "value")).isEqualTo(evidence.getFileName().toString());
            browser.type("evidence[0].collectedBy", "Officer Benali");
            browser.set("evidence[0].collectedAt", INPUT.format(now.minusHours(2)));
            browser.page("report-form-en");

            browser.click(By.cssSelector(".actions button.primary"));
            browser.waitFor(By.id("victims0.phone-error"));
            assertThat(browser.find(By.id("victims0.phone-error")).getText()).as("the intake's message, in the console's words")
                    .isEqualTo("must be a phone number in international form, e.g. +212612345678");
            assertThat(browser.attribute("input[name='victims[0].name']", "value")).as("what was typed is kept").isEqualTo("Amina El Idrissi");
            assertThat(browser.attribute("input[name='evidence[0].sha256']", "value")).isEqualTo(expectedHash);
            browser.page("report-form-error-en");

            browser.type("victims[0].phone", "+212612345678");
            browser.click(By.cssSelector(".actions button.primary"));
            browser.waitFor(By.cssSelector(".notice"));
            reportUrl = browser.driver.getCurrentUrl();
            assertThat(reportUrl).startsWith(CONSOLE + "/reports/");
            reference = browser.find(By.cssSelector("main h1 span")).getText().replace("Report ", "").trim();
            assertThat(reference).matches("MA-\\d{4}-\\d{6}");
            assertThat(browser.html()).contains(expectedHash);
            browser.page("report-en");

            browser.open(CONSOLE + "/reports");
            assertThat(browser.find(By.id("results")).getText()).contains(reference);
            browser.page("reports-en");

            browser.click(By.cssSelector("form.languages button[value='fr']"));
            browser.waitFor(By.cssSelector("html[lang='fr']"));
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Les signalements de l'unité");
            assertThat(browser.find(By.id("results")).getText()).contains(reference, "Fraude en ligne");
            browser.page("reports-fr");

            browser.click(By.cssSelector("form.languages button[value='ar']"));
            browser.waitFor(By.cssSelector("html[lang='ar'][dir='rtl']"));
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("بلاغات الوحدة");
            assertThat(browser.find(By.id("results")).getText()).contains(reference);
            browser.open(reportUrl);
            browser.waitFor(By.cssSelector("html[dir='rtl']"));
            browser.page("report-ar");

            browser.click(By.cssSelector("form.languages button[value='en']"));
            browser.waitFor(By.cssSelector("html[lang='en'][dir='ltr']"));
            browser.click(By.cssSelector("header form[action='/logout'] button"));
            browser.waitFor(By.cssSelector("main h1"));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(CONSOLE + "/signed-out");
            browser.page("signed-out-en");
            browser.driver.navigate().back();
            browser.driver.navigate().refresh();
            assertThat(browser.html()).as("after sign-out no report data is shown").doesNotContain("Amina El Idrissi");

            browser.open(CONSOLE + "/");
            browser.signIn("reporter2.ma");
            browser.waitFor(By.cssSelector("main h1"));
            browser.open(reportUrl);
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
            browser.page("not-found-en");
        }

        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("triage.ma");
            browser.waitFor(By.cssSelector("main h1"));
            assertThat(browser.driver.getCurrentUrl()).startsWith(CONSOLE + "/triage/queue");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(CONSOLE + "/triage/queue");
                return browser.find(By.cssSelector("main")).getText().contains(reference);
            });
            browser.page("queue-en");
            browser.click(By.linkText(reference));
            browser.waitFor(By.cssSelector("table.breakdown"));
            assertThat(browser.find(By.cssSelector("table.breakdown")).getText()).isNotBlank();
            browser.click(By.cssSelector("form[action$='/claim'] button"));
            browser.waitForText(By.cssSelector(".notice"), "You claimed the case.");
            caseUrl = browser.driver.getCurrentUrl();

            String computed = browser.find(By.cssSelector("main h1 .level")).getText();
            String level = computed.equals("P1") ? "P2" : "P1";
            browser.choose(By.cssSelector("form[action$='/override'] select[name='level']"), level);
            browser.type(By.cssSelector("form[action$='/override'] textarea[name='reason']"), OVERRIDE_REASON);
            browser.click(By.cssSelector("form[action$='/override'] button[type='submit']"));
            browser.waitForText(By.cssSelector(".notice"), "The level was changed.");
            assertThat(browser.find(By.cssSelector("main h1 .level")).getText()).isEqualTo(level);
            assertThat(browser.find(By.cssSelector("p.override")).getText()).contains(OVERRIDE_REASON);

            browser.choose(By.cssSelector("form[action$='/escalate'] select[name='destinationCountry']"), "FR");
            browser.choose(By.cssSelector("form[action$='/escalate'] select[name='requestType']"), "PAYMENT_STOP");
            browser.click(By.cssSelector("form[action$='/escalate'] input[name='urgent']"));
            browser.type(By.cssSelector("form[action$='/escalate'] textarea[name='reason']"),
                    "The savings reached a French account two hours ago; a recall is still possible.");
            browser.click(By.cssSelector("form[action$='/escalate'] button[type='submit']"));
            browser.waitForText(By.cssSelector(".notice"), "The request abroad is on its way.");
            browser.page("case-en");

            browser.click(By.cssSelector("form.languages button[value='ar']"));
            browser.waitFor(By.cssSelector("html[lang='ar'][dir='rtl']"));
            browser.page("case-ar");
            browser.click(By.cssSelector("form.languages button[value='en']"));
            browser.waitFor(By.cssSelector("html[lang='en']"));
        }

        String requestUrl;
        try (Browser liaison = new Browser()) {
            liaison.open(CONSOLE + "/");
            liaison.signIn("liaison.fr");
            liaison.waitFor(By.cssSelector("main h1"));
            assertThat(liaison.driver.getCurrentUrl()).startsWith(CONSOLE + "/inbox");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                liaison.open(CONSOLE + "/inbox");
                return liaison.find(By.cssSelector("main")).getText().contains(reference);
            });
            liaison.page("inbox-en");
            liaison.click(By.xpath("//tr[td[normalize-space()='" + reference + "']]//a"));
            liaison.waitFor(By.cssSelector(".tlp-banner"));
            requestUrl = liaison.driver.getCurrentUrl();
            assertThat(liaison.find(By.cssSelector("main h1")).getText()).contains("Payment stop", "Morocco");
            assertThat(liaison.find(By.cssSelector("main")).getText()).contains(FRENCH_IBAN);

            liaison.click(By.cssSelector("form[action$='/acknowledge'] button"));
            liaison.waitForText(By.cssSelector(".notice"), "Receipt acknowledged.");
            liaison.type(By.cssSelector("form[action$='/answer'] textarea[name='text']"), ANSWER);
            liaison.click(By.cssSelector("form[action$='/answer'] button[type='submit']"));
            liaison.waitForText(By.cssSelector(".notice"), "The answer was sent.");
            assertThat(liaison.find(By.cssSelector("main")).getText()).contains(ANSWER);
            liaison.page("request-en");
        }

        try (Browser otherLiaison = new Browser()) {
            otherLiaison.open(CONSOLE + "/");
            otherLiaison.signIn("liaison.es");
            otherLiaison.waitFor(By.cssSelector("main h1"));
            assertThat(otherLiaison.driver.getCurrentUrl()).startsWith(CONSOLE + "/inbox");
            assertThat(otherLiaison.find(By.cssSelector("main")).getText()).doesNotContain(reference);
            otherLiaison.open(requestUrl);
            assertThat(otherLiaison.find(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
            assertThat(otherLiaison.html()).doesNotContain(FRENCH_IBAN).doesNotContain(reference);
        }

        try (Browser officer = new Browser()) {
            officer.open(CONSOLE + "/");
            officer.signIn("triage.ma");
            officer.waitFor(By.cssSelector("main h1"));
            officer.open(CONSOLE + "/triage/requests");
            WebElement sent = officer.find(By.xpath("//tr[td[normalize-space()='" + reference + "']]"));
            assertThat(sent.getText()).contains("France", "Payment stop", ANSWER);
            officer.page("requests-en");
            officer.open(caseUrl);
            assertThat(officer.find(By.cssSelector("p.override")).getText()).contains(OVERRIDE_REASON);
        }
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicyAndAFormWithoutCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/signed-out")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/language"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=fr")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
