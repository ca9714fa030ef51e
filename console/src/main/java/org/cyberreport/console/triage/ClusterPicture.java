package org.cyberreport.console.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a cluster's picture, drawn by the template as inline SVG. Triage names a cluster's
 * cases but not the identifiers they share, so the shared identifiers are one node in the middle and
 * each case a numbered node around it, joined to it; the numbers are those of the table beside the
 * picture, which says the same in words. At most {@link #DRAWN} cases are drawn, the rest are counted.
 * For a right-to-left language the cases run anticlockwise from the top, as the eye reads them.
 */
record ClusterPicture(int size, int centre, int hubRadius, List<Node> nodes, int notDrawn) {

    static final int DRAWN = 30;
    static final int SIZE = 560;
    static final int RING = 220;
    static final int NODE = 17;
    static final int HUB = 46;

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

    static ClusterPicture of(List<CaseViews.Link> members, String currentCaseId, boolean rightToLeft) {
        List<CaseViews.Link> all = members == null ? List.of() : members;
        int drawn = Math.min(all.size(), DRAWN);
        int centre = SIZE / 2;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < drawn; i++) {
            CaseViews.Link member = all.get(i);
            double angle = 2 * Math.PI * i / drawn;
            double across = RING * Math.sin(angle) * (rightToLeft ? -1 : 1);
            double down = -RING * Math.cos(angle);
            nodes.add(new Node(i + 1, member, round(centre + across), round(centre + down),
                    member.caseId() != null && member.caseId().equals(currentCaseId)));
        }
        return new ClusterPicture(SIZE, centre, HUB, nodes, all.size() - drawn);
    }

    private static double round(double coordinate) {
        return Math.round(coordinate * 10) / 10.0;
    }
}
