package org.jilastik.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoxTest {
    @Test
    void intersectAndGrow() {
        Box a = new Box(new long[] {2, 3}, new long[] {10, 8});
        Box b = new Box(new long[] {5, 0}, new long[] {20, 5});
        assertThat(a.intersect(b)).isEqualTo(new Box(new long[] {5, 3}, new long[] {10, 5}));
        assertThat(a.grow(new long[] {4, 4}, Box.ofShape(12L, 9L)))
                .isEqualTo(new Box(new long[] {0, 0}, new long[] {12, 9}));
        assertThat(a.numElements()).isEqualTo(40);
        assertThat(a.toString()).isEqualTo("[2:10,3:8]");
    }

    @Test
    void rejectsInvertedBox() {
        assertThatThrownBy(() -> new Box(new long[] {3}, new long[] {2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axesRejectUnknownAndRepeatedLetters() {
        assertThat(Axes.of("ZYXC").letters()).isEqualTo("zyxc");
        assertThatThrownBy(() -> Axes.of("yxq")).hasMessageContaining("'q'");
        assertThatThrownBy(() -> Axes.of("yxy")).hasMessageContaining("twice");
    }
}
