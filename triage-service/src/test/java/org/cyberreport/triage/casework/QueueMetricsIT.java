package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.cyberreport.kit.testing.Http;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.desk.QueueMetrics;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The queue's figures reach the Prometheus scrape on the management port, without a token: open cases
 * by status and level, and those past their due time; closed cases are not counted. The API's port
 * does not serve the scrape.
 */
class QueueMetricsIT extends TriageIT {

    @Autowired
    QueueMetrics queueMetrics;

    @Test
    void theScrapeCountsOpenAndOverdueCasesByStatusAndLevel() {
        deliver(Fixtures.aHandoff("R-Q-0", 1, "MA", Fixtures.aPlainFraud()));
        Document model = mongo.findById("R-Q-0", Document.class, "cases");
        assertThat(model).isNotNull();
        mongo.remove(query(where("_id").is("R-Q-0")), "cases");
        Instant now = Instant.now();
        List<Document> copies = new ArrayList<>();
        // P1 new: 3 of them, 2 overdue; P1 in progress: 1 overdue; P4 new: 4, none overdue; closed P1: 5 overdue
        add(copies, model, 2, "NEW", "P1", now.minusSeconds(600));
        add(copies, model, 1, "NEW", "P1", now.plusSeconds(600));
        add(copies, model, 1, "IN_PROGRESS", "P1", now.minusSeconds(60));
        add(copies, model, 4, "NEW", "P4", now.plusSeconds(86_400));
        add(copies, model, 5, "CLOSED", "P1", now.minusSeconds(86_400));
        mongo.insert(copies, "cases");

        queueMetrics.refresh();
        Http.Answer scrape = management.get("/actuator/prometheus", null);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        String text = scrape.body();
        assertThat(figure(text, "triage_queue_cases", "new", "P1")).isEqualTo(3);
        assertThat(figure(text, "triage_queue_overdue", "new", "P1")).isEqualTo(2);
        assertThat(figure(text, "triage_queue_cases", "in_progress", "P1")).isEqualTo(1);
        assertThat(figure(text, "triage_queue_overdue", "in_progress", "P1")).isEqualTo(1);
        assertThat(figure(text, "triage_queue_cases", "new", "P4")).isEqualTo(4);
        assertThat(figure(text, "triage_queue_overdue", "new", "P4")).isZero();
        assertThat(figure(text, "triage_queue_cases", "new", "P2")).isZero();
        assertThat(text).contains("application=\"triage-service\"").contains("outbox_handoffs{")
                .contains("jvm_memory_used_bytes{");
        assertThat(http.get("/actuator/prometheus", null).status()).isIn(401, 404);
    }

    private static void add(List<Document> copies, Document model, int count, String status, String level, Instant dueAt) {
        for (int i = 0; i < count; i++) {
            Document copy = new Document(model);
            String id = "R-Q-" + status + "-" + level + "-" + dueAt.getEpochSecond() + "-" + i;
            copy.put("_id", id);
            copy.put("reference", id);
            copy.put("status", status);
            copy.put("level", level);
            copy.put("dueAt", Date.from(dueAt));
            copies.add(copy);
        }
    }

    private static double figure(String scrape, String metric, String status, String level) {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("status=\"" + status + "\"") && labels.contains("level=\"" + level + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(metric + " for " + status + " " + level + " not in the scrape");
    }
}
