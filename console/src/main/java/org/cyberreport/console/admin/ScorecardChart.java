package org.cyberreport.console.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the scorecard's bar chart, drawn by the template as inline SVG: per country one bar
 * for the median time to acknowledge and one for the median time to answer, all on one scale (the
 * longest median is the full width). The SVG's coordinates do not follow the page's direction, so for
 * a right-to-left language the chart is mirrored here: labels on the right, bars growing leftwards.
 */
record ScorecardChart(int width, int height, boolean rightToLeft, List<Row> rows, Legend legend) {

    static final int WIDTH = 720;
    static final int LABELS = 170;
    static final int VALUES = 90;
    static final int TOP = 36;
    static final int ROW = 44;
    static final int BAR = 14;
    static final int GAP = 8;

    /** One country: its label, its two bars (a bar of no length when there is no median yet) and their value texts. */
    record Row(AdminViews.Scorecard card, int labelX, String labelAnchor, int labelY, Bar acknowledge, Bar answer) {
    }

    /** A bar and where its value is written: after its end, on the side the bar grows to. */
    record Bar(double x, int y, double length, double valueX, String valueAnchor, Long seconds) {

        public boolean measured() {
            return seconds != null;
        }
    }

    /** Where the two swatches of the legend and their texts go. */
    record Legend(int acknowledgeX, int answerX, int textOffset, String anchor, int y) {
    }

    static ScorecardChart of(List<AdminViews.Scorecard> cards, boolean rightToLeft) {
        long longest = cards.stream()
                .flatMap(card -> java.util.stream.Stream.of(card.medianSecondsToAcknowledge(), card.medianSecondsToAnswer()))
                .filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
        double plot = WIDTH - LABELS - VALUES;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            AdminViews.Scorecard card = cards.get(i);
            int top = TOP + i * ROW;
            int labelX = rightToLeft ? WIDTH - LABELS + GAP : LABELS - GAP;
            rows.add(new Row(card, labelX, rightToLeft ? "start" : "end", top + BAR + 4,
                    bar(card.medianSecondsToAcknowledge(), longest, plot, top, rightToLeft),
                    bar(card.medianSecondsToAnswer(), longest, plot, top + BAR + 2, rightToLeft)));
        }
        Legend legend = rightToLeft ? new Legend(WIDTH - LABELS - BAR, WIDTH - LABELS - 220 - BAR, -4, "end", 8)
                : new Legend(LABELS, LABELS + 220, BAR + 4, "start", 8);
        return new ScorecardChart(WIDTH, TOP + cards.size() * ROW + GAP, rightToLeft, rows, legend);
    }

    private static Bar bar(Long seconds, long longest, double plot, int y, boolean rightToLeft) {
        double length = seconds == null || longest == 0 ? 0 : Math.max(1, plot * seconds / longest);
        length = Math.round(length * 10) / 10.0;
        if (rightToLeft) {
            double x = WIDTH - LABELS - length;
            return new Bar(x, y, length, x - 4, "end", seconds);
        }
        return new Bar(LABELS, y, length, LABELS + length + 4, "start", seconds);
    }
}
