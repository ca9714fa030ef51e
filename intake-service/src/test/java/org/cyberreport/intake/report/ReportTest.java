package org.cyberreport.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.cyberreport.kit.outbox.HandoffState;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Actor OFFICER = new Actor("s-1", "reporter.ma");

    @Test
    void aNewReportIsFiledAtVersionOneWithAPendingHandoff() {
        Report report = aFiledReport();

        assertThat(report.status()).isEqualTo(ReportStatus.FILED);
        assertThat(report.version()).isEqualTo(1);
        assertThat(report.handoff().state()).isEqualTo(HandoffState.PENDING);
        assertThat(report.handoff().version()).isEqualTo(1);
    }

    @Test
    void anAmendmentIsAppendedAndQueuesTheNewVersion() {
        Report report = aFiledReport();
        ReportContent changed = withNarrative(report.content(), "More facts.");

        report.amend(changed, "New facts", OFFICER, List.of(new Amendment.Change("narrative", "\"a\"", "\"b\"")), NOW);

        assertThat(report.version()).isEqualTo(2);
        assertThat(report.amendments()).hasSize(1);
        assertThat(report.amendments().getFirst().number()).isEqualTo(1);
        assertThat(report.handoff().version()).isEqualTo(2);
        assertThat(report.content().narrative()).isEqualTo("More facts.");
    }

    @Test
    void aWithdrawnReportCanBeNeitherAmendedNorWithdrawnAgain() {
        Report report = aFiledReport();
        report.withdraw("Filed twice", OFFICER, NOW);

        assertThat(report.status()).isEqualTo(ReportStatus.WITHDRAWN);
        assertThatThrownBy(() -> report.withdraw("again", OFFICER, NOW)).isInstanceOf(IllegalReportTransition.class);
        assertThatThrownBy(() -> report.amend(withNarrative(report.content(), "x"), "r", OFFICER,
                List.of(new Amendment.Change("narrative", "a", "b")), NOW)).isInstanceOf(IllegalReportTransition.class);
        assertThat(report.version()).isEqualTo(2);
    }

    @Test
    void theCategoryCannotBeAmended() {
        Report report = aFiledReport();
        ReportContent crypto = Reports.aCryptoTheft("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");

        assertThatThrownBy(() -> report.amend(crypto, "r", OFFICER, List.of(new Amendment.Change("crypto", "a", "b")), NOW))
                .isInstanceOf(IllegalReportTransition.class);
    }

    private static Report aFiledReport() {
        return Report.file("id-1", "MA-2026-000001", "MA", "unit-1", OFFICER, Reports.anOnlineFraud(),
                new Idempotency("s-1", "key-00001", "digest"), NOW);
    }

    private static ReportContent withNarrative(ReportContent c, String narrative) {
        return new ReportContent(c.category(), c.jurisdictionCountry(), c.incidentStartedAt(), c.discoveredAt(),
                c.victims(), c.subjects(), c.transactions(), c.totalLoss(), narrative, c.evidence(), c.handling(),
                c.onlineFraud(), c.extortion(), c.crypto(), c.dataTheft());
    }
}
