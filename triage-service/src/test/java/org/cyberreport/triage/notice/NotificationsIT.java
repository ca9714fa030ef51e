package org.cyberreport.triage.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.cyberreport.kit.notify.NoticeBoard;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.kit.testing.TestTokens;
import org.cyberreport.triage.casework.CaseworkIT;
import org.cyberreport.triage.report.ReportFacts;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Notices as users get them: a real SMTP server (GreenMail), the real stream over HTTP, tokens
 * checked by the real decoder. A golden-hour case reaches its country's officers once, by stream and
 * mail, and nobody else; a case past due is told once however often it is scanned; the filing unit
 * hears its case's level and later the outcome; preferences are the user's own and checked.
 */
class NotificationsIT extends TriageIT {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final String UNIT = "MA-CASABLANCA-CYBER";
    private static final String REPORTER_MA = TestTokens.reporter("MA", UNIT);
    private static final String REPORTER_OTHER_UNIT = TestTokens.reporter("MA", "MA-RABAT-CYBER");
    private static final String LIAISON = TestTokens.liaison("FR");

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.notify.mail.host", () -> "127.0.0.1");
        registry.add("cyberreport.notify.mail.port", () -> SMTP_PORT);
        registry.add("cyberreport.notify.mail.interval", () -> "200ms");
        // the scans are called by the tests
        registry.add("cyberreport.triage.notices.first-check", () -> "PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    NoticeWatch watch;

    @Autowired
    NoticeBoard board;

    @BeforeEach
    void noNoticesNorMail() throws Exception {
        for (String collection : new String[] {"notices", "notice_watermarks", "notice_mailer"}) {
            mongo.remove(new Query(), collection);
        }
        board.forget();
        SMTP.purgeEmailFromAllMailboxes();
        // recipients are the users who used the platform: each opens its notices once (and has the default preferences)
        for (String token : List.of(TRIAGE_MA, TRIAGE_FR, REPORTER_MA, REPORTER_OTHER_UNIT)) {
            assertThat(http.get("/api/triage/notifications", token).status()).isEqualTo(200);
            assertThat(put(token, "{\"email\":true,\"muted\":[],\"digestAfter\":3}").status()).isEqualTo(200);
        }
    }

    @Test
    void aGoldenHourCaseReachesItsCountrysOfficersOnceByStreamAndMailWithinFiveSeconds() throws Exception {
        try (Events officerMa = Events.open(port, TRIAGE_MA); Events officerFr = Events.open(port, TRIAGE_FR)) {
            Instant filed = Instant.now();
            deliver(handoff("golden", CaseworkIT.goldenHourFraud()));

            JsonNode event = officerMa.next(Duration.ofSeconds(5));
            assertThat(event.get("kind").asString()).isEqualTo("CASE_P1");
            assertThat(event.get("reference").asString()).isEqualTo("MA-2026-golden");
            assertThat(event.get("facts").get("level").asString()).isEqualTo("P1");
            assertThat(event.get("link").asString()).isEqualTo("/triage/cases/golden");

            assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
            assertThat(Duration.between(filed, Instant.now())).isLessThan(Duration.ofSeconds(5));
            List<MimeMessage> toOfficer = to("triage-MA@example.test");
            assertThat(toOfficer).hasSize(1);
            assertThat(toOfficer.getFirst().getSubject()).contains("MA-2026-golden", "P1");
            String text = GreenMailUtil.getBody(toOfficer.getFirst());
            assertThat(text).contains("/triage/cases/golden").doesNotContain("1500").doesNotContain("FR76");

            // the same report again, and every scan: nothing new
            deliver(handoff("golden", CaseworkIT.goldenHourFraud()));
            watch.sweep();
            watch.dueTimes();
            Thread.sleep(1_000);
            assertThat(to("triage-MA@example.test")).hasSize(1);
            assertThat(to("triage-FR@example.test")).as("another country's officers").isEmpty();
            assertThat(officerFr.received()).isEmpty();
            assertThat(kinds(TRIAGE_FR)).isEmpty();
            assertThat(kinds(TRIAGE_MA)).containsExactly("CASE_P1");
        }
    }

    @Test
    void aCaseLeftUnclaimedPastItsDueTimeIsToldOnce() {
        // filed 7 days and 10 minutes ago, a plain fraud (P4, 7 days): due 10 minutes ago
        deliver(handoff("late", Instant.now().minus(Duration.ofDays(7)).minus(Duration.ofMinutes(10)),
                org.cyberreport.triage.Fixtures.aPlainFraud()));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(kinds(TRIAGE_MA)).contains("CASE_OVERDUE"));
        // the notice lost (as if the process died before posting it): the due-time scan finds the case
        mongo.remove(new Query(), "notices");
        board.forget();
        assertThat(watch.dueTimes()).isPositive();
        assertThat(watch.dueTimes()).as("the watermark moved on").isZero();
        watch.sweep();
        assertThat(kinds(TRIAGE_MA)).containsExactly("CASE_OVERDUE");
        await().atMost(Duration.ofSeconds(5)).until(() -> subjects("triage-MA@example.test").stream()
                .anyMatch(subject -> subject.contains("past its due time")));
        assertThat(subjects("triage-MA@example.test").stream().filter(subject -> subject.contains("past its due time")))
                .hasSize(1);
    }

    @Test
    void theFilingUnitHearsItsCaseLevelAndLaterTheOutcomeAndNoOtherUnitDoes() {
        deliver(handoff("unit-case", org.cyberreport.triage.Fixtures.aPlainFraud()));
        await().atMost(Duration.ofSeconds(5)).until(() -> kinds(REPORTER_MA).contains("CASE_LEVEL"));
        JsonNode level = notices(REPORTER_MA).get(0);
        assertThat(level.get("link").asString()).isEqualTo("/reports/unit-case");
        assertThat(level.get("facts").get("level").asString()).isEqualTo("P4");
        assertThat(level.get("facts").has("category")).as("the unit reads level and status only").isFalse();

        assertThat(http.post("/api/triage/cases/unit-case/closure", TRIAGE_MA,
                "{\"outcome\":\"REFERRED_FOR_INVESTIGATION\",\"reason\":\"Handed to the cyber unit\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> kinds(REPORTER_MA).contains("CASE_CLOSED"));
        JsonNode closed = notices(REPORTER_MA).get(0);
        assertThat(closed.get("facts").get("outcome").asString()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        assertThat(closed.toString()).doesNotContain("Handed to the cyber unit");
        await().atMost(Duration.ofSeconds(5)).until(() -> subjects("reporter-MA-" + UNIT + "@example.test").stream()
                .anyMatch(subject -> subject.contains("REFERRED_FOR_INVESTIGATION")));

        assertThat(kinds(REPORTER_OTHER_UNIT)).isEmpty();
        assertThat(to("reporter-MA-MA-RABAT-CYBER@example.test")).isEmpty();
    }

    @Test
    void manyNoticesAtOnceComeAsOneDigest() {
        for (int i = 0; i < 5; i++) {
            deliver(handoff("burst-" + i, CaseworkIT.goldenHourFraud()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !to("triage-MA@example.test").isEmpty());
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> to("triage-MA@example.test").size() <= 2);
        List<String> subjects = subjects("triage-MA@example.test");
        assertThat(subjects).anyMatch(subject -> subject.matches(".*\\d notifications"));
        assertThat(kinds(TRIAGE_MA)).hasSize(5);
    }

    @Test
    void preferencesAreTheUsersOwnAndChecked() {
        JsonNode defaults = http.get("/api/triage/notifications/preferences", REPORTER_MA).json();
        assertThat(defaults.get("email").asBoolean()).isTrue();
        assertThat(defaults.get("digestAfter").asInt()).isEqualTo(3);
        assertThat(defaults.get("kinds").toString()).contains("CASE_LEVEL", "CASE_CLOSED");

        Http.Answer unknownKind = put(REPORTER_MA, "{\"email\":true,\"muted\":[\"CASE_EVERYTHING\"],\"digestAfter\":3}");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.contentType()).startsWith("application/problem+json");
        assertThat(unknownKind.body()).contains("muted[0]");
        assertThat(put(REPORTER_MA, "{\"email\":true,\"muted\":[],\"digestAfter\":0}").status()).isEqualTo(400);
        assertThat(put(REPORTER_MA, "{\"email\":true}").status()).isEqualTo(400);
        assertThat(put(REPORTER_MA, "{\"email\":true,\"muted\":[],\"digestAfter\":3,\"user\":\"x\"}").status()).isEqualTo(400);

        assertThat(put(REPORTER_MA, "{\"email\":true,\"muted\":[\"CASE_LEVEL\"],\"digestAfter\":5}").status()).isEqualTo(200);
        assertThat(http.get("/api/triage/notifications/preferences", REPORTER_MA).json().get("digestAfter").asInt()).isEqualTo(5);
        assertThat(http.get("/api/triage/notifications/preferences", REPORTER_OTHER_UNIT).json().get("digestAfter").asInt())
                .as("another user's are untouched").isEqualTo(3);

        deliver(handoff("muted", org.cyberreport.triage.Fixtures.aPlainFraud()));
        await().atMost(Duration.ofSeconds(5)).until(() -> kinds(REPORTER_MA).contains("CASE_LEVEL"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> to("reporter-MA-" + UNIT + "@example.test").isEmpty());
    }

    @Test
    void everyEndpointChecksTheTokenAndTheRole() {
        assertThat(http.get("/api/triage/notifications", null).status()).isEqualTo(401);
        assertThat(http.get("/api/triage/notifications", TestTokens.expired("MA", UNIT)).status()).isEqualTo(401);
        assertThat(http.get("/api/triage/notifications", LIAISON).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/notifications/stream", LIAISON).status()).isEqualTo(403);
        assertThat(http.get("/api/triage/notifications?limit=0", TRIAGE_MA).status()).isEqualTo(400);
        assertThat(http.get("/api/triage/notifications?limit=x", TRIAGE_MA).status()).isEqualTo(400);
    }

    private Http.Answer put(String token, String body) {
        return http.send(http.request("/api/triage/notifications/preferences", token,
                java.util.Map.of("Content-Type", "application/json")).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode notices(String token) {
        Http.Answer answer = http.get("/api/triage/notifications", token);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("items");
    }

    private List<String> kinds(String token) {
        List<String> kinds = new ArrayList<>();
        notices(token).forEach(notice -> kinds.add(notice.get("kind").asString()));
        return kinds;
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    private static List<String> subjects(String address) {
        return to(address).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException unreadable) {
                return "";
            }
        }).toList();
    }

    private static ReportHandoff handoff(String id, ReportFacts facts) {
        return handoff(id, Instant.now(), facts);
    }

    private static ReportHandoff handoff(String id, Instant receivedAt, ReportFacts facts) {
        return new ReportHandoff(id, "MA-2026-" + id, 1, "FILED", "MA", UNIT, "reporter", receivedAt, receivedAt, facts);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A user's stream, read line by line on the client's own thread. */
    static final class Events implements AutoCloseable {

        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private final HttpClient client = HttpClient.newHttpClient();
        private final java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

        private Events(int port, String token) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/triage/notifications/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(answer -> answer.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    events.add(Http.JSON.readTree(line.substring(5)));
                }
            }), reader);
        }

        static Events open(int port, String token) throws Exception {
            Events opened = new Events(port, token);
            assertThat(opened.response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            return opened;
        }

        JsonNode next(Duration within) throws InterruptedException {
            JsonNode event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event within " + within).isNotNull();
            return event;
        }

        List<JsonNode> received() {
            return List.copyOf(events);
        }

        @Override
        public void close() {
            client.shutdownNow();
            reader.shutdownNow();
        }
    }
}
