package org.cyberreport.console.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The geometry of a cluster's picture, drawn by the template as inline SVG: each case a numbered node
 * on an outer ring, each identifier the cases share a lettered node inside it, and a line from each
 * identifier to each drawn case holding it. The numbers and letters are those of the tables beside the
 * picture, which say the same in words. At most {@link #DRAWN} cases and {@link #DRAWN_IDENTIFIERS}
 * identifiers are drawn, the rest are counted. For a right-to-left language both rings run
 * anticlockwise, as the eye reads them.
 */
record ClusterPicture(int size, int centre, List<Node> nodes, List<Hub> hubs, List<Edge> edges, int notDrawn,
                      int identifiersNotDrawn, List<Row> rows) {

    static final int DRAWN = 30;
    static final int DRAWN_IDENTIFIERS = 12;
    static final int SIZE = 560;
    static final int RING = 220;
    static final int INNER_RING = 105;
    static final int NODE = 17;
    static final int HUB_WIDTH = 36;
    static final int HUB_HEIGHT = 26;

    /**
     * A case: its number in the table, where it is drawn, and whether it is the case the officer came
     * from, one of the officer's country (its id is given) or one abroad (reference and country only).
     */
    record Node(int number, CaseViews.Link member, double x, double y, boolean current) {

        public boolean abroad() {
            return member.caseId() == null;
        }

        /** The CSS class of its circle: the level of an own case, "abroad" for another country's. */
        public String circleClass() {
            String kind = abroad() ? "node-abroad" : "node-own node-" + (member.level() == null ? "unknown" : member.level());
            return current ? kind + " node-current" : kind;
        }
    }

    /** A shared identifier drawn at (x, y), with its letter; one held only abroad is drawn apart. */
    record Hub(String letter, CaseViews.Identifier identifier, double x, double y) {

        public String boxClass() {
            return identifier.abroadOnly() ? "identifier identifier-abroad" : "identifier";
        }

        public int width() {
            return HUB_WIDTH;
        }

        public int height() {
            return HUB_HEIGHT;
        }

        public double left() {
            return x - HUB_WIDTH / 2.0;
        }

        public double top() {
            return y - HUB_HEIGHT / 2.0;
        }
    }

    /** A line from an identifier to a case holding it; thicker when the case is the one the officer came from. */
    record Edge(double x1, double y1, double x2, double y2, boolean current) {
    }

    /** A row of the identifiers' table: its letter, the identifier, and the numbers of the cases holding it. */
    record Row(String letter, CaseViews.Identifier identifier, List<Integer> caseNumbers) {
    }

    static ClusterPicture of(CaseViews.Cluster cluster, String currentCaseId, boolean rightToLeft) {
        List<CaseViews.Link> members = cluster == null || cluster.members() == null ? List.of() : cluster.members();
        List<CaseViews.Identifier> identifiers = cluster == null || cluster.identifiers() == null ? List.of()
                : cluster.identifiers();
        int centre = SIZE / 2;
        int drawn = Math.min(members.size(), DRAWN);
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            numbers.putIfAbsent(members.get(i).reference(), i + 1);
        }
        for (int i = 0; i < drawn; i++) {
            CaseViews.Link member = members.get(i);
            double[] at = onRing(centre, RING, i, drawn, rightToLeft);
            nodes.add(new Node(i + 1, member, at[0], at[1], member.caseId() != null && member.caseId().equals(currentCaseId)));
        }
        int hubsDrawn = Math.min(identifiers.size(), DRAWN_IDENTIFIERS);
        List<Hub> hubs = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < identifiers.size(); i++) {
            CaseViews.Identifier identifier = identifiers.get(i);
            List<Integer> holding = (identifier.cases() == null ? List.<String>of() : identifier.cases()).stream()
                    .map(numbers::get).filter(number -> number != null).sorted().toList();
            rows.add(new Row(letter(i), identifier, holding));
            if (i < hubsDrawn) {
                // Half a step round from the cases' angles, so that a line to a case does not run through another identifier.
                double[] at = hubsDrawn == 1 ? new double[] {centre, centre}
                        : onRing(centre, INNER_RING, i + 0.5, hubsDrawn, rightToLeft);
                hubs.add(new Hub(letter(i), identifier, at[0], at[1]));
                holding.stream().filter(number -> number <= drawn).map(number -> nodes.get(number - 1))
                        .forEach(node -> edges.add(new Edge(at[0], at[1], node.x(), node.y(), node.current())));
            }
        }
        return new ClusterPicture(SIZE, centre, nodes, hubs, edges, members.size() - drawn, identifiers.size() - hubsDrawn,
                rows);
    }

    /** Spreadsheet letters: A … Z, AA, AB … so that every listed identifier has one. */
    static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    private static double[] onRing(int centre, int radius, double step, int count, boolean rightToLeft) {
        double angle = 2 * Math.PI * step / count;
        double across = radius * Math.sin(angle) * (rightToLeft ? -1 : 1);
        double down = -radius * Math.cos(angle);
        return new double[] {round(centre + across), round(centre + down)};
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * 10) / 10.0;
    }
}
