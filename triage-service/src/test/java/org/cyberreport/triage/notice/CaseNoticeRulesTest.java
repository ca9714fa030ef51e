package org.cyberreport.triage.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cyberreport.triage.Fixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.cyberreport.kit.notify.Notice;
import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.casework.Officer;
import org.cyberreport.triage.casework.Outcome;
import org.cyberreport.triage.casework.TriageCase;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.Level;
import org.cyberreport.triage.scoring.PriorityScorer;
import org.junit.jupiter.api.Test;

class CaseNoticeRulesTest {

    private static final Officer AMINA = new Officer("s-1", "triage.ma");
    private final PriorityScorer scorer = new PriorityScorer(Fixtures.policy());
    private final CaseNoticeRules rules = new CaseNoticeRules(Duration.ofHours(1));

    @Test
    void aNewCaseTellsItsUnitTheLevelAndNobodyElseWhenItIsNotUrgent() {
        TriageCase c = aCase(NOW);
        List<Notice> notices = rules.of(c, NOW);

        assertThat(notices).extracting(Notice::kind).containsExactly("CASE_LEVEL");
        Notice level = notices.getFirst();
        assertThat(level.audience().key()).isEqualTo("reporter@MA#MA-UNIT");
        assertThat(level.facts()).containsEntry("level", "P4").containsEntry("status", "NEW").doesNotContainKey("category");
        assertThat(level.link()).isEqualTo("/reports/" + c.id());
    }

    @Test
    void risingToP1TellsTheCountrysOfficersWithTheFormerLevelAndTheSameStateGivesTheSameKeys() {
        TriageCase c = aCase(NOW);
        c.overrideLevel(Level.P1, "Public figure", AMINA, scorer::respondWithin, NOW);

        List<Notice> notices = rules.of(c, NOW);
        Notice p1 = notices.stream().filter(n -> n.kind().equals("CASE_P1")).findFirst().orElseThrow();
        assertThat(p1.audience().key()).isEqualTo("triage-officer@MA");
        assertThat(p1.summary()).contains("rose to P1 (was P4)");
        assertThat(p1.facts()).containsEntry("level", "P1").containsKey("category");
        assertThat(rules.of(c, NOW.plusSeconds(30))).extracting(Notice::key)
                .containsExactlyElementsOf(notices.stream().map(Notice::key).toList());
    }

    @Test
    void dueTimesGoToTheClaimantOnceClaimedAndAreKeyedByTheDueTime() {
        TriageCase c = aCase(NOW);
        Instant soon = c.dueAt().minus(Duration.ofMinutes(30));
        assertThat(rules.of(c, soon)).extracting(Notice::kind).contains("CASE_DUE_SOON");
        c.claim(AMINA, soon);
        Notice late = rules.of(c, c.dueAt().plusSeconds(1)).stream().filter(n -> n.kind().equals("CASE_OVERDUE"))
                .findFirst().orElseThrow();
        assertThat(late.audience().key()).isEqualTo("user:s-1");
        assertThat(late.key()).isEqualTo("case:" + c.id() + ":overdue:" + c.dueAt().toEpochMilli());
    }

    @Test
    void aClosedCaseTellsItsUnitTheOutcomeAndNoDueTimes() {
        TriageCase c = aCase(NOW);
        c.close(Outcome.RESOLVED, "Money returned to the victim", AMINA, NOW);

        List<Notice> notices = rules.of(c, c.dueAt().plusSeconds(1));
        assertThat(notices).extracting(Notice::kind).containsExactlyInAnyOrder("CASE_LEVEL", "CASE_CLOSED");
        Notice closed = notices.stream().filter(n -> n.kind().equals("CASE_CLOSED")).findFirst().orElseThrow();
        assertThat(closed.facts()).containsEntry("outcome", "RESOLVED").containsEntry("status", "CLOSED");
        assertThat(closed.summary()).doesNotContain("Money returned");
    }

    @Test
    void anEscalationIsToldToTheUnitWithoutItsDestination() {
        TriageCase c = aCase(NOW);
        c.escalated("e-1", "FR", "PAYMENT_STOP", AMINA, NOW);
        Notice escalated = rules.of(c, NOW).stream().filter(n -> n.kind().equals("CASE_ESCALATED")).findFirst().orElseThrow();
        assertThat(escalated.summary()).doesNotContain("FR").doesNotContain("PAYMENT_STOP");
    }

    private TriageCase aCase(Instant receivedAt) {
        ReportHandoff handoff = new ReportHandoff("r-1", "MA-2026-000001", 1, "FILED", "MA", "MA-UNIT", "officer",
                receivedAt, receivedAt, Fixtures.aPlainFraud());
        TriageCase c = TriageCase.open(handoff, "{}", Set.of(), receivedAt);
        c.prioritise(scorer.score(c.facts(), c.category(), 0, ClusterFacts.alone(null, 1), c.receivedAt(), receivedAt),
                scorer::respondWithin, receivedAt);
        return c;
    }
}
