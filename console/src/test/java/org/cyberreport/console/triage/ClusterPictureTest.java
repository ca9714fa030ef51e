package org.cyberreport.console.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ClusterPictureTest {

    @Test
    void eachCaseIsANumberedNodeOnARingAroundTheSharedIdentifiers() {
        ClusterPicture picture = ClusterPicture.of(List.of(own("c-1", "P1"), own("c-2", "P3"), abroad("FR-2026-000009", "FR"),
                abroad("ES-2026-000001", "ES")), "c-2", false);

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::number).containsExactly(1, 2, 3, 4);
        ClusterPicture.Node first = picture.nodes().getFirst();
        assertThat(first.x()).isEqualTo(picture.centre());
        assertThat(first.y()).isEqualTo(picture.centre() - ClusterPicture.RING);
        assertThat(picture.nodes().get(1).x()).as("clockwise").isEqualTo(picture.centre() + ClusterPicture.RING);
        assertThat(picture.nodes()).allSatisfy(node -> assertThat(Math.hypot(node.x() - picture.centre(), node.y() - picture.centre()))
                .isCloseTo(ClusterPicture.RING, org.assertj.core.data.Offset.offset(0.2)));
        assertThat(picture.notDrawn()).isZero();
    }

    @Test
    void theCaseOfTheOfficerOwnCasesByLevelAndCasesAbroadAreDrawnApart() {
        ClusterPicture picture = ClusterPicture.of(List.of(own("c-1", "P1"), own("c-2", "P3"), abroad("FR-2026-000009", "FR")),
                "c-2", false);

        assertThat(picture.nodes()).extracting(ClusterPicture.Node::circleClass)
                .containsExactly("node-own node-P1", "node-own node-P3 node-current", "node-abroad");
        assertThat(picture.nodes().get(2).abroad()).isTrue();
    }

    @Test
    void rightToLeftRunsTheRingTheOtherWay() {
        ClusterPicture picture = ClusterPicture.of(List.of(own("c-1", "P1"), own("c-2", "P2"), own("c-3", "P2"), own("c-4", "P4")),
                null, true);

        assertThat(picture.nodes().get(1).x()).isEqualTo(picture.centre() - ClusterPicture.RING);
    }

    @Test
    void aLargeClusterDrawsItsFirstThirtyCasesAndCountsTheRest() {
        List<CaseViews.Link> members = IntStream.rangeClosed(1, 45).mapToObj(i -> own("c-" + i, "P2")).toList();

        ClusterPicture picture = ClusterPicture.of(members, "c-40", false);

        assertThat(picture.nodes()).hasSize(ClusterPicture.DRAWN);
        assertThat(picture.notDrawn()).isEqualTo(15);
        assertThat(picture.nodes()).noneMatch(ClusterPicture.Node::current);
        assertThat(ClusterPicture.of(null, null, false).nodes()).isEmpty();
    }

    static CaseViews.Link own(String id, String level) {
        return new CaseViews.Link(id, "MA-2026-" + id, "MA", level);
    }

    static CaseViews.Link abroad(String reference, String country) {
        return new CaseViews.Link(null, reference, country, null);
    }
}
