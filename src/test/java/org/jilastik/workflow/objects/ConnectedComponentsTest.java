package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
    @Test
    void numbersByFirstPixelInRasterOrderWithFourNeighbours() {
        // a U shape whose arms meet only at the bottom: one object first seen at (0,0); diagonal pixel separate
        int[] v = {
            1, 0, 1, 0,
            1, 0, 1, 0,
            1, 1, 1, 0,
            0, 0, 0, 1};
        ConnectedComponents.Labels l = ConnectedComponents.label(v, new int[] {1, 4, 4});
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.labels()).containsExactly(
                1, 0, 1, 0,
                1, 0, 1, 0,
                1, 1, 1, 0,
                0, 0, 0, 2);
    }

    @Test
    void touchingDifferentValuesStaySeparateAndEqualValuesConnect() {
        int[] v = {
            0, 5, 5, 7,
            3, 3, 0, 7};
        ConnectedComponents.Labels l = ConnectedComponents.label(v, new int[] {1, 2, 4});
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.labels()).containsExactly(
                0, 1, 1, 2,
                3, 3, 0, 2);
    }

    @Test
    void threeDimensionsUseSixNeighbours() {
        // z=0: pixel at (0,0); z=1: pixel at (0,0) (connected along z) and (1,1) (only diagonal: separate)
        int[] v = {1, 0, 0, 0, 1, 0, 0, 1};
        ConnectedComponents.Labels l = ConnectedComponents.label(v, new int[] {2, 2, 2});
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.labels()).containsExactly(1, 0, 0, 0, 1, 0, 0, 2);
    }

    @Test
    void relabelConsecutiveMapsAscendingValues() {
        int[] v = {0, 40, 7, 40, -1, 7};
        ConnectedComponents.Relabelled r = ConnectedComponents.relabelConsecutive(v);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.labels()).containsExactly(0, 2, 1, 2, 3, 1);
        assertThat(r.originalIds()).containsExactly(0, 7, 40, 0xffffffffL);
    }
}
