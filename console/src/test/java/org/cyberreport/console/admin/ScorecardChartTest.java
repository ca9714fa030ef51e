package org.cyberreport.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScorecardChartTest {

    private static final double PLOT = ScorecardChart.WIDTH - ScorecardChart.LABELS - ScorecardChart.VALUES;

    private static final List<AdminViews.Scorecard> CARDS = List.of(
            new AdminViews.Scorecard("ES", 4, 4, 3, 0, 0, 1800L, 3600L),
            new AdminViews.Scorecard("TN", 2, 0, 0, 0, 2, null, null));

    @Test
    void theLongestMedianIsTheFullWidthAndTheOthersToScale() {
        ScorecardChart chart = ScorecardChart.of(CARDS, false);

        ScorecardChart.Row spain = chart.rows().getFirst();
        assertThat(spain.answer().length()).isEqualTo(PLOT);
        assertThat(spain.acknowledge().length()).isEqualTo(PLOT / 2);
        assertThat(spain.answer().x()).isEqualTo(ScorecardChart.LABELS);
        assertThat(spain.answer().valueX()).isEqualTo(ScorecardChart.LABELS + PLOT + 4);
        assertThat(spain.labelAnchor()).isEqualTo("end");
    }

    @Test
    void aCountryWithNoMedianYetHasNoBar() {
        ScorecardChart.Row tunisia = ScorecardChart.of(CARDS, false).rows().get(1);

        assertThat(tunisia.answer().measured()).isFalse();
        assertThat(tunisia.answer().length()).isZero();
        assertThat(tunisia.answer().y()).isGreaterThan(tunisia.acknowledge().y());
    }

    @Test
    void rightToLeftMirrorsLabelsAndBars() {
        ScorecardChart chart = ScorecardChart.of(CARDS, true);

        ScorecardChart.Row spain = chart.rows().getFirst();
        assertThat(spain.labelX()).isEqualTo(ScorecardChart.WIDTH - ScorecardChart.LABELS + ScorecardChart.GAP);
        assertThat(spain.labelAnchor()).isEqualTo("start");
        assertThat(spain.answer().x() + spain.answer().length()).isEqualTo(ScorecardChart.WIDTH - ScorecardChart.LABELS);
        assertThat(spain.answer().x()).isEqualTo(ScorecardChart.VALUES);
        assertThat(spain.answer().valueAnchor()).isEqualTo("end");
    }

    @Test
    void theChartIsAsTallAsItsRows() {
        assertThat(ScorecardChart.of(CARDS, false).height())
                .isEqualTo(ScorecardChart.TOP + 2 * ScorecardChart.ROW + ScorecardChart.GAP);
        assertThat(ScorecardChart.of(List.of(), false).rows()).isEmpty();
    }
}
