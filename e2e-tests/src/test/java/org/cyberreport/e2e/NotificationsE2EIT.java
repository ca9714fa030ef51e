package org.cyberreport.e2e;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.cyberreport.kit.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import tools.jackson.databind.JsonNode;

/**
 * Notifications through the whole platform, with the real Keycloak and a real SMTP server started
 * here (GreenMail; the launcher's own mail server is left off): a golden-hour report reaches Morocco's
 * officers as one e-mail, as an event on their stream and in the console's notification area (a real
 * browser) within 5 s, and France's officers not at all;
 * a case left unclaimed past its due time is told once; the filing unit hears its case's level and
 * later the outcome, and another unit hears nothing. The launcher gives P4 cases 45 s to respond here,
 * so that a due time passes during the test.
 */
class NotificationsE2EIT {

    private static final Http GATEWAY = new Http(RunningPlatform.GATEWAY);
    private static final String CONSOLE = "http://localhost:" + RunningPlatform.CONSOLE;
    private static final AtomicInteger SERIAL = new AtomicInteger(7000);
    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

    static {
        ENVIRONMENT.put("PLATFORM_MAIL", "off");
        ENVIRONMENT.put("MAIL_SMTP_PORT", String.valueOf(SMTP_PORT));
        ENVIRONMENT.put("TRIAGE_NOTICES_DUE_CHECK", "PT2S");
        String[][] levels = {{"P1", "70", "PT4H"}, {"P2", "45", "PT24H"}, {"P3", "25", "PT72H"}, {"P4", "0", "PT45S"}};
        for (int i = 0; i < levels.length; i++) {
            ENVIRONMENT.put("TRIAGE_PRIORITY_LEVELS_" + i + "_LEVEL", levels[i][0]);
            ENVIRONMENT.put("TRIAGE_PRIORITY_LEVELS_" + i + "_MINSCORE", levels[i][1]);
            ENVIRONMENT.put("TRIAGE_PRIORITY_LEVELS_" + i + "_RESPONDWITHIN", levels[i][2]);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ENVIRONMENT.forEach(RunningPlatform::environment);
        RunningPlatform.start();
        // after the start: the launcher refuses ports that are taken, and nothing is mailed before a report is filed
        SMTP.start();
    }

    @AfterAll
    static void stop() throws Exception {
        RunningPlatform.stop();
        ENVIRONMENT.keySet().forEach(RunningPlatform::withoutEnvironment);
        SMTP.stop();
    }

    @Test
    void officersFilingUnitsAndDueTimesAreToldOnceAndOnlyWhatTheyMayRead() throws Exception {
        String triageMa = RunningPlatform.tokenFor("triage.ma");
        String triageFr = RunningPlatform.tokenFor("triage.fr");
        String reporterMa = RunningPlatform.tokenFor("reporter.ma");
        String reporterRabat = RunningPlatform.tokenFor("reporter2.ma");
        // recipients are the users who use the platform: each opens its notices once
        for (String token : List.of(triageMa, triageFr, reporterMa, reporterRabat)) {
            assertThat(GATEWAY.get("/api/triage/notifications", token).status()).isEqualTo(200);
        }

        try (Events moroccanOfficer = Events.open(triageMa); Events frenchOfficer = Events.open(triageFr);
             Browser console = new Browser()) {
            // the officer also has the console open: its notification area listens to the stream the console relays
            console.open(CONSOLE + "/triage/queue");
            console.signIn("triage.ma");
            console.waitFor(By.cssSelector("main h1"));
            Thread.sleep(3_000); // the console's relay has looked once: what is there now is not news
            Instant filedAt = Instant.now();
            Filed golden = file(reporterMa, Reports.onlineFraud(Reports.Kind.GOLDEN_HOUR, SERIAL.incrementAndGet()));

            JsonNode event = moroccanOfficer.next(golden.reference(), Duration.ofSeconds(5));
            assertThat(event.get("kind").asString()).isEqualTo("CASE_P1");
            assertThat(Duration.between(filedAt, Instant.now())).as("event").isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> mails("triage.ma@demo.cyberreport.local", golden.reference()).size() == 1);
            Duration mailed = Duration.between(filedAt, Instant.now());
            assertThat(mailed).as("e-mail").isLessThan(Duration.ofSeconds(5));
            console.waitForText(By.cssSelector("[data-notice-stream]"), golden.reference());
            Duration shown = Duration.between(filedAt, Instant.now());
            assertThat(shown).as("shown in the console").isLessThan(Duration.ofSeconds(5));
            assertThat(console.attribute("[data-notice-stream] a", "href")).endsWith("/triage/cases/" + golden.id());
            console.page("notification-live");
            System.out.printf("Golden-hour report %s: stream event and e-mail to the officers within %d ms of filing, "
                    + "in the console's notification area within %d ms%n", golden.reference(), mailed.toMillis(), shown.toMillis());

            // the level reaches the filing unit; nothing reaches another unit or another country
            await().atMost(Duration.ofSeconds(10)).until(() -> kinds(reporterMa, golden.reference()).contains("CASE_LEVEL"));
            Thread.sleep(3_000);
            assertThat(mails("triage.ma@demo.cyberreport.local", golden.reference())).as("one e-mail").hasSize(1);
            assertThat(frenchOfficer.received()).isEmpty();
            assertThat(kinds(triageFr, golden.reference())).isEmpty();
            assertThat(mails("triage.fr@demo.cyberreport.local", null)).isEmpty();
            assertThat(kinds(reporterRabat, golden.reference())).isEmpty();
        }

        // a small fraud (P4, 45 s to respond here) left unclaimed: told once that it passed its due time
        Filed late = file(reporterMa, Reports.onlineFraud(Reports.Kind.SMALL, SERIAL.incrementAndGet()));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> kinds(triageMa, late.reference()).contains("CASE_OVERDUE"));
        await().atMost(Duration.ofSeconds(10)).until(() -> overdueMails(late.reference()) == 1);
        Thread.sleep(8_000); // four more scans of the due times
        assertThat(kinds(triageMa, late.reference()).stream().filter("CASE_OVERDUE"::equals)).hasSize(1);
        assertThat(overdueMails(late.reference())).isEqualTo(1);

        // the officer closes the late case: the filing unit hears the outcome, in its list and by e-mail
        Http.Answer closed = GATEWAY.post("/api/triage/cases/" + late.id() + "/closure", triageMa,
                "{\"outcome\":\"REFERRED_FOR_INVESTIGATION\",\"reason\":\"Handed to the Casablanca cyber unit\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds(reporterMa, late.reference()).contains("CASE_CLOSED"));
        JsonNode outcome = notices(reporterMa).stream().filter(n -> n.get("kind").asString().equals("CASE_CLOSED")).findFirst().orElseThrow();
        assertThat(outcome.get("facts").get("outcome").asString()).isEqualTo("REFERRED_FOR_INVESTIGATION");
        assertThat(outcome.toString()).doesNotContain("Casablanca cyber unit");
        await().atMost(Duration.ofSeconds(10)).until(() -> mails("reporter.ma@demo.cyberreport.local", late.reference()).stream()
                .anyMatch(message -> subject(message).contains("REFERRED_FOR_INVESTIGATION")));
        assertThat(kinds(reporterRabat, late.reference())).isEmpty();
        assertThat(mails("reporter2.ma@demo.cyberreport.local", null)).isEmpty();
    }

    private record Filed(String id, String reference) {
    }

    private static Filed file(String token, String body) {
        Http.Answer answer = GATEWAY.post("/api/reports", token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Filed(answer.json().get("id").asString(), answer.json().get("reference").asString());
    }

    private static List<JsonNode> notices(String token) {
        Http.Answer answer = GATEWAY.get("/api/triage/notifications?limit=100", token);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> notices = new ArrayList<>();
        answer.json().get("items").forEach(notices::add);
        return notices;
    }

    private static List<String> kinds(String token, String reference) {
        return notices(token).stream().filter(n -> n.get("reference").asString().equals(reference))
                .map(n -> n.get("kind").asString()).toList();
    }

    private static long overdueMails(String reference) {
        return mails("triage.ma@demo.cyberreport.local", reference).stream()
                .filter(message -> subject(message).contains("past its due time")).count();
    }

    private static List<MimeMessage> mails(String address, String reference) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address))
                        && (reference == null || subject(message).contains(reference));
            } catch (MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** An officer's stream through the gateway, read on a thread of its own. */
    static final class Events implements AutoCloseable {

        private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        private final HttpClient client = HttpClient.newHttpClient();
        private final ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();

        static Events open(String token) throws Exception {
            Events opened = new Events();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RunningPlatform.GATEWAY
                            + "/api/triage/notifications/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = opened.client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            opened.reader.execute(() -> {
                try {
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            opened.events.add(Http.JSON.readTree(line.substring(5)));
                        }
                    });
                } catch (java.io.UncheckedIOException closed) {
                    // the stream ends when the test closes it
                }
            });
            return opened;
        }

        JsonNode next(String reference, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event != null && event.get("reference").asString().equals(reference)) {
                    return event;
                }
            }
            throw new AssertionError("no event about " + reference + " within " + within);
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
