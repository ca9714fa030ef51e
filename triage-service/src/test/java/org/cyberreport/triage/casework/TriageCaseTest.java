package org.cyberreport.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cyberreport.triage.Fixtures.NOW;

import java.time.Duration;
import java.util.Set;

import org.cyberreport.triage.Fixtures;
import org.cyberreport.triage.report.ReportHandoff;
import org.cyberreport.triage.scoring.ClusterFacts;
import org.cyberreport.triage.scoring.Level;
import org.cyberreport.triage.scoring.PriorityScorer;
import org.junit.jupiter.api.Test;

class TriageCaseTest {

    private static final Officer AMINA = new Officer("s-1", "triage.ma");
    private static final Officer OMAR = new Officer("s-2", "triage2.ma");
    private final PriorityScorer scorer = new PriorityScorer(Fixtures.policy());

    @Test
    void aSecondClaimConflicts() {
        TriageCase c = aScoredCase();
        c.claim(AMINA, NOW);

        assertThatThrownBy(() -> c.claim(OMAR, NOW)).isInstanceOf(CaseConflict.class).hasMessageContaining("triage.ma");
        assertThatThrownBy(() -> c.claim(AMINA, NOW)).isInstanceOf(CaseConflict.class);
        assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void onlyTheClaimingOfficerReleases() {
        TriageCase c = aScoredCase();
        c.claim(AMINA, NOW);

        assertThatThrownBy(() -> c.release(OMAR, NOW)).isInstanceOf(CaseConflict.class);
        c.release(AMINA, NOW);
        assertThat(c.status()).isEqualTo(CaseStatus.NEW);
        assertThat(c.claimedBy()).isNull();
    }

    @Test
    void anOverrideDecidesTheLevelAndKeepsTheComputedScoreInTheHistory() {
        TriageCase c = aScoredCase();
        Level computed = c.level();

        c.overrideLevel(Level.P1, "Victim is a public figure; media exposure", AMINA, scorer::respondWithin, NOW);
        c.prioritise(scorer.score(c.facts(), c.category(), 0, ClusterFacts.alone(null, 1), c.receivedAt(), NOW),
                scorer::respondWithin, NOW);

        assertThat(c.level()).isEqualTo(Level.P1);
        assertThat(c.dueAt()).isEqualTo(c.receivedAt().plus(Duration.ofHours(4)));
        assertThat(c.override().computedLevel()).isEqualTo(computed);
        HistoryEntry entry = c.history().stream().filter(h -> h.action().equals("LEVEL_OVERRIDDEN")).findFirst().orElseThrow();
        assertThat(entry.details()).containsEntry("reason", "Victim is a public figure; media exposure")
                .containsEntry("computedLevel", computed.name()).containsKey("computedScore");
    }

    @Test
    void aClosedCaseRefusesWork() {
        TriageCase c = aScoredCase();
        c.close(Outcome.NO_FURTHER_ACTION, "No lines of enquiry", AMINA, NOW);

        assertThatThrownBy(() -> c.claim(AMINA, NOW)).isInstanceOf(CaseConflict.class);
        assertThatThrownBy(() -> c.close(Outcome.RESOLVED, "again", AMINA, NOW)).isInstanceOf(CaseConflict.class);
        assertThatThrownBy(() -> c.reclassify("CRYPTO", "RUG_PULL", "r", AMINA, NOW)).isInstanceOf(CaseConflict.class);
    }

    @Test
    void takesOnlyNewerReportVersionsAndClosesOnWithdrawal() {
        TriageCase c = aScoredCase();
        ReportHandoff v3 = new ReportHandoff("r-1", "MA-2026-000001", 3, "WITHDRAWN", "MA", "U", "o", NOW, NOW,
                Fixtures.aPlainFraud());
        ReportHandoff v2 = new ReportHandoff("r-1", "MA-2026-000001", 2, "FILED", "MA", "U", "o", NOW, NOW,
                Fixtures.aPlainFraud());

        assertThat(c.takeReportVersion(v3, "{}", Set.of(), NOW)).isTrue();
        assertThat(c.takeReportVersion(v2, "{}", Set.of(), NOW)).isFalse();
        assertThat(c.takeReportVersion(v3, "{}", Set.of(), NOW)).isFalse();
        assertThat(c.reportVersion()).isEqualTo(3);
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.closure().outcome()).isEqualTo(Outcome.WITHDRAWN_BY_UNIT);
    }

    @Test
    void aReclassificationSurvivesLaterReportVersions() {
        TriageCase c = aScoredCase();
        c.reclassify("CRYPTO", "PIG_BUTCHERING", "Payments were in USDT", AMINA, NOW);

        c.takeReportVersion(Fixtures.aHandoff("r-1", 2, "MA", Fixtures.aPlainFraud()), "{}", Set.of(), NOW);

        assertThat(c.category()).isEqualTo("CRYPTO");
        assertThat(c.reportedCategory()).isEqualTo("ONLINE_FRAUD");
    }

    private TriageCase aScoredCase() {
        TriageCase c = TriageCase.open(Fixtures.aHandoff("r-1", 1, "MA", Fixtures.aPlainFraud()), "{}", Set.of(), NOW);
        c.prioritise(scorer.score(c.facts(), c.category(), 0, ClusterFacts.alone(null, 1), c.receivedAt(), NOW),
                scorer::respondWithin, NOW);
        return c;
    }
}
