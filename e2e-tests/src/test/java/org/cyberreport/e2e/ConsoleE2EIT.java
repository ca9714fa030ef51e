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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

            browser.open(CONSOLE + "/reports/new");
            browser.pages("report-categories");
            browser.open(CONSOLE + "/reports/new?category=ONLINE_FRAUD");
            browser.pages("report-form");
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
            browser.pages("report");

            browser.open(CONSOLE + "/reports");
            assertThat(browser.find(By.id("results")).getText()).contains(reference);
            browser.pages("reports");

            browser.language("fr");
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Les signalements de l'unité");
            assertThat(browser.find(By.id("results")).getText()).contains(reference, "Fraude en ligne");
            browser.language("ar");
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("بلاغات الوحدة");
            assertThat(browser.find(By.id("results")).getText()).contains(reference);
            browser.open(reportUrl);
            browser.waitFor(By.cssSelector("html[dir='rtl']"));
            browser.language("en");
            browser.click(By.cssSelector("header form[action='/logout'] button"));
            // the report's page stays shown while the sign-out goes through Keycloak and back
            browser.waitForUrl(CONSOLE + "/signed-out");
            browser.waitFor(By.cssSelector("main h1"));
            browser.pages("signed-out");
            browser.driver.navigate().back();
            browser.driver.navigate().refresh();
            assertThat(browser.html()).as("after sign-out no report data is shown").doesNotContain("Amina El Idrissi");

            browser.open(CONSOLE + "/");
            browser.signIn("reporter2.ma");
            browser.waitFor(By.cssSelector("main h1"));
            browser.open(reportUrl);
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isEqualTo("Not found");
            browser.pages("not-found");
        }

        // A second report paying the same French account, filed through the API: the case then has a cluster.
        String second = Reports.onlineFraud(Reports.Kind.SMALL, 4_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200_000))
                .replaceFirst("\"to\":\\{\"iban\":\"[A-Z0-9]+\",\"bic\":\"DEUTDEFF\",\"country\":\"DE\"\\}",
                        "\"to\":{\"iban\":\"" + FRENCH_IBAN + "\",\"bic\":\"BNPAFRPP\",\"country\":\"FR\"}");
        assertThat(second).contains(FRENCH_IBAN);
        assertThat(new org.cyberreport.kit.testing.Http(RunningPlatform.GATEWAY).post("/api/reports",
                RunningPlatform.tokenFor("reporter.ma"), second, java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .status()).isEqualTo(201);

        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("triage.ma");
            browser.waitFor(By.cssSelector("main h1"));
            assertThat(browser.driver.getCurrentUrl()).startsWith(CONSOLE + "/triage/queue");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(CONSOLE + "/triage/queue");
                return browser.find(By.cssSelector("main")).getText().contains(reference);
            });
            browser.pages("queue");
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
            browser.pages("case");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(caseUrl);
                return !browser.driver.findElements(By.cssSelector("a[href*='/triage/clusters/']")).isEmpty();
            });
            browser.click(By.cssSelector("a[href*='/triage/clusters/']"));
            browser.waitFor(By.cssSelector("main svg[role='img']"));
            assertThat(browser.find(By.cssSelector("main")).getText()).contains(reference);
            browser.pages("cluster");
            browser.open(caseUrl);
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
            liaison.pages("inbox");
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
            liaison.pages("request");
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
            officer.pages("requests");
            officer.open(caseUrl);
            assertThat(officer.find(By.cssSelector("p.override")).getText()).contains(OVERRIDE_REASON);

            // A mutual legal assistance request to Spain: the case cannot say all it needs, so it waits as a draft
            // listing what is missing; the officer opens its completion, then withdraws it instead.
            officer.choose(By.cssSelector("form[action$='/escalate'] select[name='destinationCountry']"), "ES");
            officer.choose(By.cssSelector("form[action$='/escalate'] select[name='requestType']"), "MUTUAL_LEGAL_ASSISTANCE");
            officer.type(By.cssSelector("form[action$='/escalate'] textarea[name='reason']"),
                    "Spanish accounts may hold the proceeds; proceedings are to be opened.");
            officer.click(By.cssSelector("form[action$='/escalate'] button[type='submit']"));
            officer.waitForText(By.cssSelector(".notice"), "The request abroad is on its way.");
            By spanishRow = By.xpath("//tr[td[normalize-space()='" + reference + "'] and td[normalize-space()='Spain']]");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                officer.open(CONSOLE + "/triage/requests");
                return !officer.driver.findElements(spanishRow).isEmpty()
                        && officer.driver.findElement(spanishRow).getText().contains("Missing before it can be sent");
            });
            officer.click(By.xpath("//tr[td[normalize-space()='" + reference + "'] and td[normalize-space()='Spain']]"
                    + "//a[contains(@href, '/completion')]"));
            officer.waitFor(By.cssSelector("form.completion"));
            officer.pages("completion");
            officer.open(CONSOLE + "/triage/requests");
            officer.click(By.xpath("//tr[td[normalize-space()='" + reference + "'] and td[normalize-space()='Spain']]"
                    + "//a[contains(@href, '/withdrawal')]"));
            officer.waitFor(By.name("reason"));
            officer.pages("withdrawal");
            officer.type(By.name("reason"), "Drafted to the wrong country: the accounts are in Portugal.");
            officer.click(By.cssSelector("main form button.primary"));
            officer.waitForText(By.cssSelector(".notice"), "The request was withdrawn");
            assertThat(officer.find(spanishRow).getText()).contains("Withdrawn");
        }

        try (Browser admin = new Browser()) {
            admin.open(CONSOLE + "/");
            admin.signIn("admin");
            admin.waitFor(By.cssSelector("main h1"));
            admin.open(CONSOLE + "/admin/scorecard");
            admin.waitFor(By.cssSelector("main svg[role='img']"));
            assertThat(admin.find(By.cssSelector("main table")).getText()).as("France answered a request").contains("France");
            admin.pages("scorecard");
        }
    }

    @Test
    void aReporterFilesAReportOfEachOtherCategoryAndFindsThemAllInTheUnitsList() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<String> references = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("reporter.ma");
            browser.waitFor(By.cssSelector("main h1"));

            startReport(browser, "EXTORTION", now, "After a video call the offender demanded bitcoin within two days.");
            browser.choose("extortion.subtype", "SEXTORTION");
            browser.type("extortion.demand.amount", "0.015");
            browser.type("extortion.demand.asset", "BTC");
            browser.set("extortion.deadline", INPUT.format(now.plusDays(1)));
            browser.choose("extortion.payToAddress.chain", "BITCOIN");
            browser.type("extortion.payToAddress.address", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
            browser.click(By.cssSelector("input[name='extortion.sextortion.victimMinor'][type='checkbox']"));
            references.add(submitReport(browser, "report-extortion"));

            startReport(browser, "CRYPTO", now, "A trading site showing fake profits took the victim's USDT.");
            browser.choose("crypto.subtype", "PIG_BUTCHERING");
            browser.choose("crypto.custody", "CUSTODIAL");
            browser.click(By.cssSelector("button[name='_add'][value='crypto.transfers']"));
            browser.choose("crypto.transfers[0].chain", "ETHEREUM");
            browser.type("crypto.transfers[0].asset", "USDT");
            browser.type("crypto.transfers[0].amount", "18250");
            browser.type("crypto.transfers[0].fromAddress", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
            browser.type("crypto.transfers[0].toAddress", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
            browser.set("crypto.transfers[0].executedAt", INPUT.format(now.minusDays(2)));
            references.add(submitReport(browser, "report-crypto"));

            startReport(browser, "DATA_THEFT", now, "Patient records left readable after a migration were offered for sale.");
            browser.choose("dataTheft.subtype", "MISCONFIGURATION");
            browser.type("dataTheft.affectedOrganisation.name", "Clinique Atlas SARL");
            browser.choose("dataTheft.affectedOrganisation.country", "MA");
            browser.click(By.cssSelector("input[name='dataTheft.dataCategories'][value='HEALTH']"));
            browser.type("dataTheft.recordCount", "182000");
            references.add(submitReport(browser, "report-data-theft"));

            browser.open(CONSOLE + "/reports");
            String list = browser.find(By.id("results")).getText();
            assertThat(list).contains(references).contains("Extortion", "Crypto", "Data theft");
        }
    }

    /**
     * The scam-compound journey: a reporter files a report in the browser that marks the "mentor" as a
     * possible victim of trafficking held in a compound, and attaches the chat export; the officer finds the
     * case with the trafficking filter, sees the flag, drafts the request about the compound into the
     * escalation form, opens the file and its chain of custody, and downloads the cluster's indicators as a
     * STIX bundle, which names the account the money went to and never the held person's phone.
     */
    @Test
    void aReporterMarksAPossibleTraffickingVictimAndAttachesAFileTheOfficerSeesBothAndExportsTheCluster() throws Exception {
        int serial = 700_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200_000);
        String iban = Reports.germanIban(serial);
        String heldPhone = "+85596%07d".formatted(serial % 10_000_000);
        Path chat = Files.createTempFile("telegram-chat-export", ".txt");
        Files.writeString(chat, "Chat with the 'mentor', who wrote that she is held in Building C.", StandardCharsets.UTF_8);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String reference;
        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("reporter.ma");
            browser.waitFor(By.cssSelector("main h1"));
            startReport(browser, "ONLINE_FRAUD", now, "The 'mentor' who took the savings wrote that she is held in a compound.");
            browser.choose("onlineFraud.subtype", "INVESTMENT");
            browser.choose("onlineFraud.contactChannel", "MESSAGING_APP");
            browser.click(By.cssSelector("button[name='_add'][value='transactions']"));
            browser.choose("transactions[0].method", "BANK_TRANSFER");
            browser.type("transactions[0].amount.amount", "2400.00");
            browser.type("transactions[0].amount.currency", "EUR");
            browser.set("transactions[0].executedAt", INPUT.format(now.minusDays(2)));
            browser.choose("transactions[0].status", "COMPLETED");
            browser.type("transactions[0].to.iban", iban);
            browser.choose("transactions[0].to.country", "DE");
            browser.click(By.cssSelector("button[name='_add'][value='possibleTraffickingVictims']"));
            browser.type("possibleTraffickingVictims[0].name", "Lisa");
            browser.choose("possibleTraffickingVictims[0].nationality", "PH");
            browser.click(By.cssSelector("input[name='possibleTraffickingVictims[0].indicators'][value='FAKE_JOB_OFFER']"));
            browser.click(By.cssSelector("input[name='possibleTraffickingVictims[0].indicators'][value='FORCED_WORK']"));
            browser.choose("possibleTraffickingVictims[0].identifiers[0].type", "PHONE");
            browser.type("possibleTraffickingVictims[0].identifiers[0].value", heldPhone);
            browser.choose("possibleTraffickingVictims[0].compound.country", "KH");
            browser.type("possibleTraffickingVictims[0].compound.locality", "Sihanoukville");
            browser.type("possibleTraffickingVictims[0].compound.description", "Building C, guarded");
            reference = submitReport(browser, "report-trafficking");
            assertThat(browser.find(By.cssSelector("main")).getText()).contains("Lisa", "Forced to work", heldPhone);

            browser.find(By.id("evidence-file")).sendKeys(chat.toString());
            browser.click(By.cssSelector("form.attach button[type='submit']"));
            browser.waitForText(By.id("evidence"), chat.getFileName().toString());
            browser.page("report-with-file-en");
        }
        // another report paying the same account, through the API: the case gets a cluster to export
        assertThat(new org.cyberreport.kit.testing.Http(RunningPlatform.GATEWAY).post("/api/reports",
                RunningPlatform.tokenFor("reporter.ma"), Reports.onlineFraud(Reports.Kind.SMALL, serial),
                java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);

        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("triage.ma");
            browser.waitFor(By.cssSelector("main h1"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(CONSOLE + "/triage/queue?trafficking=true");
                return browser.find(By.cssSelector("main")).getText().contains(reference);
            });
            browser.pages("queue-trafficking");
            browser.click(By.linkText(reference));
            browser.waitFor(By.cssSelector("section.trafficking-flag"));
            String caseUrl = browser.driver.getCurrentUrl();
            assertThat(browser.find(By.cssSelector("section.trafficking-flag")).getText())
                    .contains("Flagged for MA-TRAFFICKING", "Cambodia");
            assertThat(browser.find(By.cssSelector("section.set-aside")).getText())
                    .contains("phone:" + heldPhone, "A possible victim of trafficking, not a suspect");
            browser.pages("case-trafficking");

            browser.click(By.cssSelector("a.draft-compound"));
            browser.waitFor(By.cssSelector("p.drafted"));
            assertThat(browser.attribute("#escalation-destinationCountry", "value")).isEqualTo("KH");
            assertThat(browser.attribute("#escalation-requestType", "value")).isEqualTo("INFORMATION_REQUEST");
            assertThat(browser.find(By.cssSelector("#escalation-form textarea[name='reason']")).getAttribute("value"))
                    .contains("Sihanoukville", "Building C").doesNotContain("Lisa").doesNotContain(heldPhone);
            browser.page("case-compound-draft-en");

            browser.open(caseUrl);
            browser.click(By.linkText(chat.getFileName().toString()));
            browser.waitFor(By.cssSelector("main h1"));
            String filePage = browser.driver.getCurrentUrl();
            // passed to triage once triage has taken the report's version that lists the file
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(filePage);
                return browser.find(By.cssSelector("main")).getText().contains("Passed to triage");
            });
            String custody = browser.find(By.cssSelector("main")).getText();
            assertThat(custody).contains("Chain of custody", "Received", "reporter.ma", "Consulted", "triage.ma");
            browser.pages("evidence-file-officer");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                browser.open(caseUrl);
                return !browser.driver.findElements(By.cssSelector("a.cluster-stix")).isEmpty();
            });
            String bundle = (String) browser.script("return fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.ok ? r.text() : 'HTTP ' + r.status);",
                    browser.attribute("a.cluster-stix", "href"));
            assertThat(bundle).contains("\"type\":\"bundle\"", "[bank-account:iban = '" + iban + "']",
                    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421").doesNotContain(heldPhone);
        }
    }

    private static void startReport(Browser browser, String category, LocalDateTime now, String narrative) {
        browser.open(CONSOLE + "/reports/new?category=" + category);
        browser.choose("jurisdictionCountry", "MA");
        browser.set("incidentStartedAt", INPUT.format(now.minusDays(3)));
        browser.set("discoveredAt", INPUT.format(now.minusDays(1)));
        browser.type("narrative", narrative);
        browser.type("victims[0].name", "Victim of a " + category.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }

    /** Files the form and returns the new report's reference, from the report's page. */
    private static String submitReport(Browser browser, String page) throws Exception {
        browser.page(page + "-filled-en");
        browser.click(By.cssSelector(".actions button.primary"));
        browser.waitFor(By.cssSelector(".notice"));
        assertThat(browser.driver.getCurrentUrl()).as(() -> browser.dump(page + "-not-filed")).startsWith(CONSOLE + "/reports/");
        String reference = browser.find(By.cssSelector("main h1 span")).getText().replace("Report ", "").trim();
        assertThat(reference).matches("MA-\\d{4}-\\d{6}");
        browser.pages(page);
        return reference;
    }

    /**
     * Keyboard only: from the top of the filing form, Tab reaches every control of the page in order, each
     * visibly focused (an outline or a box shadow), and the language switch works with Enter alone.
     */
    @Test
    void theFilingFormIsUsableWithTheKeyboardAlone() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(CONSOLE + "/");
            browser.signIn("reporter.ma");
            browser.waitFor(By.cssSelector("main h1"));
            browser.open(CONSOLE + "/reports/new?category=ONLINE_FRAUD");
            browser.waitFor(By.cssSelector("form .actions button.primary"));

            String controls = """
                    const controls = Array.from(document.querySelectorAll(
                            'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'))
                        .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0);""";
            long count = (Long) browser.script(controls + " return controls.length;");
            List<Long> reached = new ArrayList<>();
            List<String> unmarked = new ArrayList<>();
            browser.script("document.activeElement.blur(); window.scrollTo(0, 0);");
            // A date and time field takes a Tab per part (day, month, year, hours, minutes).
            for (int i = 0; i < count * 6 && reached.size() < count; i++) {
                browser.keys(Keys.TAB);
                @SuppressWarnings("unchecked")
                List<Object> focused = (List<Object>) browser.script(controls + """
                        const e = document.activeElement;
                        const style = getComputedStyle(e);
                        const marked = style.outlineStyle !== 'none' || style.boxShadow !== 'none';
                        return [controls.indexOf(e), marked, e.outerHTML.substring(0, 100)];""");
                long index = (Long) focused.get(0);
                if (index >= 0 && !reached.contains(index)) {
                    reached.add(index);
                    if (!(Boolean) focused.get(1)) {
                        unmarked.add((String) focused.get(2));
                    }
                }
            }
            assertThat(reached).as("every control is reached by Tab, in the page's order")
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, count).boxed().toList());
            assertThat(unmarked).as("every focused control is visibly marked").isEmpty();

            browser.script("document.querySelector(\"form.languages button[value='fr']\").focus();");
            browser.keys(Keys.ENTER);
            browser.waitFor(By.cssSelector("html[lang='fr']"));
            assertThat(browser.find(By.cssSelector("main h1")).getText()).isNotBlank();
            browser.language("en");
        }
    }

    /**
     * "Have we seen this?" and the supervisor's page: an officer looks up a wallet a report named, stating
     * why (the answer lists the case); the supervisor sees the officers, what is overdue and who holds what,
     * and gives a case to an officer with a reason. Each page in the three languages, checked by axe.
     */
    @Test
    void anOfficerLooksAWalletUpAndTheSupervisorReassignsACase() throws Exception {
        String wallet = "0x3f5ce5fbfe3e9af3971dd833d26ba9b5c936f0be";
        org.cyberreport.kit.testing.Http gateway = new org.cyberreport.kit.testing.Http(RunningPlatform.GATEWAY);
        String id = gateway.post("/api/reports", RunningPlatform.tokenFor("reporter.ma"), Reports.cryptoTo(wallet, 4242),
                java.util.Map.of("Idempotency-Key", UUID.randomUUID().toString())).json().get("id").asString();
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        String reference = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/triage/cases/" + id, triageMa), answer -> answer.status() == 200)
                .json().get("reference").asString();

        try (Browser officer = new Browser()) {
            officer.open(CONSOLE + "/");
            officer.signIn("triage.ma");
            officer.waitFor(By.cssSelector("main h1"));
            officer.open(CONSOLE + "/lookup");
            officer.pages("lookup");
            officer.choose(By.id("type"), "CRYPTO_ADDRESS");
            officer.type(By.id("value"), wallet.toUpperCase().replace("0X", "0x"));
            officer.type(By.id("purpose"), "The victim's bank asked whether the address is known");
            officer.click(By.cssSelector("main form button.primary"));
            officer.waitFor(By.cssSelector("section.lookup-answer"));
            assertThat(officer.find(By.cssSelector("section.lookup-answer")).getText())
                    .contains("wallet:evm:" + wallet, reference, "No other country's reports name it.");
            officer.page("lookup-answer-en");
        }

        try (Browser supervisor = new Browser()) {
            supervisor.open(CONSOLE + "/");
            supervisor.signIn("supervisor.ma");
            supervisor.waitFor(By.cssSelector("main h1"));
            assertThat(supervisor.driver.getCurrentUrl()).startsWith(CONSOLE + "/supervision");
            assertThat(supervisor.find(By.cssSelector("main")).getText()).contains("triage.ma");
            supervisor.pages("supervision");
            supervisor.open(CONSOLE + "/supervision/cases/" + id + "/assignment");
            supervisor.pages("assignment");
            supervisor.choose(By.id("officer"), "triage.ma");
            supervisor.type(By.id("reason"), "The wallet belongs to a campaign triage.ma already works.");
            supervisor.click(By.cssSelector("main form button.primary"));
            supervisor.waitForText(By.cssSelector(".notice"), "The case was reassigned.");
        }
        assertThat(gateway.get("/api/triage/cases/" + id, triageMa).json().get("claimedBy").asString()).isEqualTo("triage.ma");
    }

    /**
     * The administrator's pages: the hand-offs of the three relays, the liaison directory searched and an
     * entry opened, a change the directory's endpoint checks refuse (its error beside the field, the typed
     * value kept, the entry unchanged). The scorecard is seen at the end of the escalation's journey.
     */
    @Test
    void anAdministratorSeesTheHandoffsTheLiaisonDirectoryAndTheScorecard() throws Exception {
        try (Browser admin = new Browser()) {
            admin.open(CONSOLE + "/");
            admin.signIn("admin");
            admin.waitFor(By.cssSelector("main h1"));
            assertThat(admin.driver.getCurrentUrl()).startsWith(CONSOLE + "/admin/deliveries");
            admin.pages("deliveries");

            admin.open(CONSOLE + "/admin/directory");
            admin.type(By.id("q"), "France");
            admin.click(By.cssSelector("form.filters button[type='submit']"));
            admin.waitFor(By.partialLinkText("FR — France"));
            assertThat(admin.find(By.cssSelector("main table")).getText()).doesNotContain("ES — ");
            admin.pages("directory");

            admin.click(By.partialLinkText("FR — France"));
            admin.waitFor(By.id("endpoint"));
            String endpoint = admin.attribute("#endpoint", "value");
            admin.pages("directory-entry");
            admin.type(By.id("endpoint"), "not an address");
            admin.click(By.cssSelector("main form button.primary"));
            admin.waitFor(By.id("endpoint-error"));
            assertThat(admin.find(By.id("endpoint-error")).getText()).isNotBlank();
            assertThat(admin.attribute("#endpoint", "value")).as("what was typed is kept").isEqualTo("not an address");
            admin.page("directory-entry-refused-en");
            admin.open(admin.driver.getCurrentUrl());
            assertThat(admin.attribute("#endpoint", "value")).as("the entry is unchanged").isEqualTo(endpoint);
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
