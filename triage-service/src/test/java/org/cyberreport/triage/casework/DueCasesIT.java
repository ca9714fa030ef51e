package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.cyberreport.kit.mongo.EmbeddedQueryStats;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.store.CaseStore;
import org.cyberreport.triage.support.TriageIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The due-time notices read the open cases coming due a page at a time, in due order, whatever their
 * country: each page is a walk of the {@code open_due} index cut at the page, not every case due in the
 * period read and sorted (which, at a year's volume, held triage up for seconds per page).
 */
// the due-time watch, which reads through the same index, waits until the test is over
@TestPropertySource(properties = {"cyberreport.triage.notices.due-check=PT1H", "cyberreport.triage.notices.first-check=PT1H"})
class DueCasesIT extends TriageIT {

    private static final String OPEN_DUE = "triage.cases open_due";

    @Autowired
    CaseStore cases;

    @Autowired
    EmbeddedQueryStats queries;

    @Test
    void aPageOfOpenCasesComingDueIsReadInDueOrderByWalkingTheIndex() {
        deliver(Fixtures.aHandoff("R-DUE-0", 1, "MA", Fixtures.aPlainFraud()));
        Document model = mongo.findById("R-DUE-0", Document.class, "cases");
        assertThat(model).isNotNull();
        mongo.remove(query(where("_id").is("R-DUE-0")), "cases");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3_600);
        String[] statuses = {"NEW", "IN_PROGRESS", "CLOSED"};
        String[] countries = {"MA", "FR", "BR"};
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            Document copy = new Document(model);
            copy.put("_id", "R-DUE-" + i);
            copy.put("reference", "MA-2026-DUE-" + i);
            copy.put("status", statuses[i % 3]);
            copy.put("country", countries[i % 3 == 2 ? 0 : i % 3]);
            copy.put("dueAt", Date.from(start.plusSeconds(1_500 - i))); // filed in the reverse of due order
            copies.add(copy);
        }
        mongo.insert(copies, "cases");
        long walksBefore = queries.sortedWalks();
        long openDueBefore = queries.servedByIndex().getOrDefault(OPEN_DUE, 0L);

        List<TriageCase> page = cases.openDueBetween(start, start.plusSeconds(10_000), 500);

        assertThat(page).hasSize(500);
        assertThat(page).extracting(TriageCase::status).doesNotContain(CaseStatus.CLOSED);
        assertThat(page).extracting(TriageCase::dueAt).isSortedAccordingTo(Instant::compareTo);
        // the 500 earliest of the 1,000 open ones: the earliest of all (start + 1 s) is closed
        assertThat(page.getFirst().dueAt()).isEqualTo(start.plusSeconds(2));
        assertThat(page.getLast().dueAt()).isBefore(start.plusSeconds(760));
        // one query per open status on the index; each a walk in due order cut at the page (other walks of
        // the service's background work may be counted too, hence at least)
        assertThat(queries.servedByIndex().get(OPEN_DUE) - openDueBefore).as("queries on open_due").isEqualTo(2);
        assertThat(queries.sortedWalks() - walksBefore).as("index walks cut at the page").isGreaterThanOrEqualTo(2);

        List<String> all = new ArrayList<>();
        Instant from = start;
        for (List<TriageCase> next = cases.openDueBetween(from, start.plusSeconds(10_000), 500); !next.isEmpty();
             next = cases.openDueBetween(from, start.plusSeconds(10_000), 500)) {
            next.forEach(found -> all.add(found.id()));
            from = next.getLast().dueAt();
        }
        assertThat(all).as("every open case, each once, paging by due time").hasSize(1_000).doesNotHaveDuplicates();
    }
}
