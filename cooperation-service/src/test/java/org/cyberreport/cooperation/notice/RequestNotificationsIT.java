package org.cyberreport.cooperation.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.cyberreport.cooperation.support.CooperationIT;
import org.cyberreport.kit.notify.NoticeBoard;
import org.cyberreport.kit.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The destination's liaisons hear of an urgent request once, by list and mail (a real SMTP server),
 * and of a request nearing its due time; other countries' liaisons hear nothing, and the notice holds
 * no content of the request.
 */
class RequestNotificationsIT extends CooperationIT {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("cyberreport.notify.mail.host", () -> "127.0.0.1");
        registry.add("cyberreport.notify.mail.port", () -> SMTP_PORT);
        registry.add("cyberreport.notify.mail.interval", () -> "200ms");
        registry.add("cyberreport.cooperation.notices.first-check", () -> "PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    RequestNoticeWatch watch;

    @Autowired
    NoticeBoard board;

    @BeforeEach
    void noNoticesNorMail() throws Exception {
        for (String collection : new String[] {"notices", "notice_watermarks", "notice_mailer"}) {
            mongo.remove(new Query(), collection);
        }
        board.forget();
        SMTP.purgeEmailFromAllMailboxes();
        for (String liaison : List.of(LIAISON_FR, LIAISON_ES)) {
            assertThat(http.get("/api/cooperation/notifications", liaison).status()).isEqualTo(200);
        }
    }

    @Test
    void anUrgentRequestReachesTheDestinationsLiaisonsOnceAndNobodyElse() {
        assertThat(http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")).status()).isEqualTo(201);
        assertThat(http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true)).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).until(() -> kinds(LIAISON_FR).contains("REQUEST_URGENT"));
        JsonNode urgent = http.get("/api/cooperation/notifications", LIAISON_FR).json().get("items").get(0);
        assertThat(urgent.get("facts").get("type").asString()).isEqualTo("PAYMENT_STOP");
        assertThat(urgent.get("reference").asString()).isEqualTo("MA-2026-000042");
        assertThat(urgent.toString()).doesNotContain("FR7630006000011234567890189").doesNotContain("Amina");
        await().atMost(Duration.ofSeconds(5)).until(() -> to("liaison-FR@example.test").size() == 1);
        assertThat(GreenMailUtil.getBody(to("liaison-FR@example.test").getFirst())).doesNotContain("Amina")
                .doesNotContain("FR7630006000011234567890189");

        watch.scan();
        assertThat(kinds(LIAISON_FR)).as("the information request is not urgent").containsExactly("REQUEST_URGENT");
        assertThat(kinds(LIAISON_ES)).isEmpty();
        assertThat(to("liaison-ES@example.test")).isEmpty();
    }

    @Test
    void aRequestNearingItsDueTimeIsToldOnce() {
        JsonNode created = http.post("/api/cooperation/requests", TRIAGE_MA, informationRequestTo("FR", true)).json();
        mongo.updateFirst(new Query(Criteria.where("_id").is(created.get("id").asString())),
                new Update().set("dueAt", Date.from(Instant.now().plus(Duration.ofMinutes(30)))), "requests");
        assertThat(watch.scan()).isPositive();
        watch.scan();
        assertThat(kinds(LIAISON_FR)).containsExactly("REQUEST_DUE_SOON");
        await().atMost(Duration.ofSeconds(5)).until(() -> to("liaison-FR@example.test").size() == 1);
    }

    @Test
    void liaisonsAndOfficersReadOnlyTheNoticesAddressedToThem() {
        assertThat(http.post("/api/cooperation/requests", TRIAGE_MA, paymentStopTo("FR")).status()).isEqualTo(201);
        watch.scan();
        assertThat(kinds(LIAISON_FR)).contains("REQUEST_URGENT");
        assertThat(kinds(TRIAGE_MA)).as("officers are told of their preservations' ends, not of liaisons' requests").isEmpty();
        assertThat(http.get("/api/cooperation/notifications", TestTokens.reporter("MA", "MA-UNIT")).status()).isEqualTo(403);
        assertThat(http.get("/api/cooperation/notifications", null).status()).isEqualTo(401);
        assertThat(http.get("/api/cooperation/notifications/preferences", LIAISON_FR).json().get("kinds").toString())
                .contains("REQUEST_URGENT", "REQUEST_DUE_SOON", "PRESERVATION_ENDING");
    }

    private List<String> kinds(String token) {
        List<String> kinds = new ArrayList<>();
        http.get("/api/cooperation/notifications", token).json().get("items").forEach(n -> kinds.add(n.get("kind").asString()));
        return kinds;
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
