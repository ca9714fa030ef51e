package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ClusterPictureTest {

    @Test
    void eachCaseIsANumberedNodeOnTheOuterRing() {
        ClusterPicture picture = ClusterPicture.of(cluster(List.of(own("c-1", "P1"), own("c-2", "P3"),
                abroad("FR-2026-000009", "FR"), abroad("ES-2026-000001", "ES")), List.of()), "c-2", false);

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::number).containsExactly(1, 2, 3, 4);
        ClusterPicture.Node first = picture.nodes().getFirst();
        assertThat(first.x()).isEqualTo(picture.centre());
        assertThat(first.y()).isEqualTo(picture.centre() - ClusterPicture.RING);
        assertThat(picture.nodes().get(1).x()).as("clockwise").isEqualTo(picture.centre() + ClusterPicture.RING);
        assertThat(picture.nodes()).allSatisfy(node -> assertThat(Math.hypot(node.x() - picture.centre(), node.y() - picture.centre()))
                .isCloseTo(ClusterPicture.RING, Offset.offset(0.2)));
        assertThat(picture.notDrawn()).isZero();
        assertThat(picture.hubs()).isEmpty();
        assertThat(picture.edges()).as("no identifier, no line").isEmpty();
    }

    @Test
    void eachSharedIdentifierIsALetteredNodeJoinedToEachCaseHoldingIt() {
        List<CaseViews.Link> members = List.of(own("c-1", "P1"), own("c-2", "P3"), abroad("FR-2026-000009", "FR"),
                abroad("ES-2026-000001", "ES"));
        CaseViews.Identifier wallet = shown("WALLET", "evm:0x5aae", "MA-2026-c-1", "MA-2026-c-2", "FR-2026-000009");
        CaseViews.Identifier iban = abroadOnly("IBAN", "FR-2026-000009", "ES-2026-000001");

        ClusterPicture picture = ClusterPicture.of(cluster(members, List.of(wallet, iban)), "c-2", false);

        assertThat(picture.hubs()).extracting(ClusterPicture.Hub::letter).containsExactly("A", "B");
        assertThat(picture.hubs()).extracting(ClusterPicture.Hub::boxClass)
                .containsExactly("identifier", "identifier identifier-abroad");
        assertThat(picture.hubs()).allSatisfy(hub -> assertThat(Math.hypot(hub.x() - picture.centre(), hub.y() - picture.centre()))
                .isCloseTo(ClusterPicture.INNER_RING, Offset.offset(0.2)));
        assertThat(picture.hubs()).as("half a step round from the cases: a line to a case passes beside the other identifier")
                .extracting(ClusterPicture.Hub::x).containsExactly((double) picture.centre() + ClusterPicture.INNER_RING,
                        (double) picture.centre() - ClusterPicture.INNER_RING);
        assertThat(picture.edges()).hasSize(5);
        ClusterPicture.Hub a = picture.hubs().getFirst();
        assertThat(picture.edges().subList(0, 3)).allMatch(edge -> edge.x1() == a.x() && edge.y1() == a.y());
        assertThat(picture.edges().subList(0, 3)).extracting(ClusterPicture.Edge::current).containsExactly(false, true, false);
        ClusterPicture.Node spanish = picture.nodes().get(3);
        assertThat(picture.edges().get(4)).isEqualTo(new ClusterPicture.Edge(picture.hubs().get(1).x(), picture.hubs().get(1).y(),
                spanish.x(), spanish.y(), false));
        assertThat(picture.rows()).extracting(ClusterPicture.Row::caseNumbers).containsExactly(List.of(1, 2, 3), List.of(3, 4));
    }

    @Test
    void aSingleIdentifierStandsInTheMiddle() {
        ClusterPicture picture = ClusterPicture.of(cluster(List.of(own("c-1", "P1"), own("c-2", "P2")),
                List.of(shown("PHONE", "+212612345678", "MA-2026-c-1", "MA-2026-c-2"))), null, false);

        assertThat(picture.hubs().getFirst().x()).isEqualTo(picture.centre());
        assertThat(picture.hubs().getFirst().y()).isEqualTo(picture.centre());
        assertThat(picture.edges()).hasSize(2);
    }

    @Test
    void theCaseOfTheOfficerOwnCasesByLevelAndCasesAbroadAreDrawnApart() {
        ClusterPicture picture = ClusterPicture.of(cluster(List.of(own("c-1", "P1"), own("c-2", "P3"),
                abroad("FR-2026-000009", "FR")), List.of()), "c-2", false);

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::circleClass)
                .containsExactly("node-own node-P1", "node-own node-P3 node-current", "node-abroad");
        assertThat(picture.nodes().get(2).abroad()).isTrue();
    }

    @Test
    void rightToLeftRunsBothRingsTheOtherWay() {
        List<CaseViews.Link> members = List.of(own("c-1", "P1"), own("c-2", "P2"), own("c-3", "P2"), own("c-4", "P4"));
        List<CaseViews.Identifier> identifiers = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> shown("EMAIL", "x" + i + "@example.com", "MA-2026-c-1", "MA-2026-c-" + (i == 1 ? 2 : i))).toList();

        ClusterPicture picture = ClusterPicture.of(cluster(members, identifiers), null, true);
        ClusterPicture leftToRight = ClusterPicture.of(cluster(members, identifiers), null, false);

        assertThat(picture.nodes().get(1).x()).isEqualTo(picture.centre() - ClusterPicture.RING);
        assertThat(leftToRight.hubs().getFirst().x()).isGreaterThan(picture.centre());
        for (int i = 0; i < 4; i++) {
            assertThat(picture.hubs().get(i).x()).isCloseTo(2 * picture.centre() - leftToRight.hubs().get(i).x(), Offset.offset(0.2));
            assertThat(picture.hubs().get(i).y()).isEqualTo(leftToRight.hubs().get(i).y());
        }
    }

    @Test
    void aLargeClusterDrawsItsFirstThirtyCasesAndTwelveIdentifiersAndCountsTheRest() {
        List<CaseViews.Link> members = IntStream.rangeClosed(1, 45).mapToObj(i -> own("c-" + i, "P2")).toList();
        List<CaseViews.Identifier> identifiers = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> shown("EMAIL", "x" + i + "@example.com", "MA-2026-c-" + i, "MA-2026-c-" + (i + 15))).toList();

        ClusterPicture picture = ClusterPicture.of(cluster(members, identifiers), "c-40", false);

        assertThat(picture.nodes()).hasSize(ClusterPicture.DRAWN);
        assertThat(picture.notDrawn()).isEqualTo(15);
        assertThat(picture.nodes()).noneMatch(ClusterPicture.Node::current);
        assertThat(picture.hubs()).hasSize(ClusterPicture.DRAWN_IDENTIFIERS);
        assertThat(picture.identifiersNotDrawn()).isEqualTo(18);
        assertThat(picture.rows()).as("the table lists every identifier").hasSize(30);
        assertThat(picture.rows().get(25).letter()).isEqualTo("Z");
        assertThat(picture.rows().get(26).letter()).isEqualTo("AA");
        assertThat(picture.rows().get(29).caseNumbers()).containsExactly(30, 45);
        assertThat(picture.edges()).as("lines only to the cases drawn: 12 identifiers, the first 12 reach case 16 to 27")
                .hasSize(24);
        assertThat(ClusterPicture.of(null, null, false).nodes()).isEmpty();
    }

    @Test
    void theCaseTheOfficerCameFromIsNumberedOneAndDrawnInALargeCluster() {
        List<CaseViews.Link> members = IntStream.rangeClosed(1, 45).mapToObj(i -> own("c-" + i, "P2")).toList();

        CaseViews.Cluster ordered = cluster(members, List.of()).startingWith("c-40");
        ClusterPicture picture = ClusterPicture.of(ordered, "c-40", false);

        assertThat(ordered.members().getFirst().caseId()).isEqualTo("c-40");
        assertThat(ordered.members()).hasSize(45).extracting(CaseViews.Link::caseId).startsWith("c-40", "c-1", "c-2");
        assertThat(picture.nodes().getFirst().current()).isTrue();
        assertThat(picture.nodes().getFirst().number()).isEqualTo(1);
        assertThat(cluster(members, List.of()).startingWith(null).members()).isEqualTo(members);
    }

    static CaseViews.Link own(String id, String level) {
        return new CaseViews.Link(id, "MA-2026-" + id, "MA", level);
    }

    static CaseViews.Link abroad(String reference, String country) {
        return new CaseViews.Link(null, reference, country, null);
    }

    static CaseViews.Identifier shown(String type, String value, String... references) {
        return new CaseViews.Identifier(type, value, false, List.of(references));
    }

    static CaseViews.Identifier abroadOnly(String type, String... references) {
        return new CaseViews.Identifier(type, null, true, List.of(references));
    }

    static CaseViews.Cluster cluster(List<CaseViews.Link> members, List<CaseViews.Identifier> identifiers) {
        return new CaseViews.Cluster("k-1", members.size(), new BigDecimal("12000.00"), "EUR", members.size(),
                List.of("FR", "MA"), members, identifiers, 0);
    }
}
