package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class LabelBlockTest {
    @Test
    void transposesByAxisKeyAndDropsSingletonAxes() {
        // txyzc block [2:3, 10:13, 20:22, 0:1, 0:1]; value = 10*x + y
        byte[] data = new byte[3 * 2];
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                data[x * 2 + y] = (byte) (10 * x + y + 1);
            }
        }
        LabelBlock b = new LabelBlock("b", new Box(new long[] {2, 10, 20, 0, 0}, new long[] {3, 13, 22, 1, 1}),
                Axes.of("txyzc"), data);
        LabelBlock t = b.toAxes(Axes.of("tyxc"));
        assertThat(t.axes()).isEqualTo(Axes.of("tyxc"));
        assertThat(t.box()).isEqualTo(new Box(new long[] {2, 20, 10, 0}, new long[] {3, 22, 13, 1}));
        assertThat(t.data()).containsExactly(1, 11, 21, 2, 12, 22);
    }

    @Test
    void insertsMissingAxesAndKeepsMatchingOrder() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        LabelBlock xy = new LabelBlock("b", new Box(new long[] {5, 7}, new long[] {7, 10}), Axes.of("xy"), data);
        LabelBlock yxc = xy.toAxes(Axes.of("yxc"));
        assertThat(yxc.box()).isEqualTo(new Box(new long[] {7, 5, 0}, new long[] {10, 7, 1}));
        assertThat(yxc.data()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(yxc.toAxes(Axes.of("yxc"))).isSameAs(yxc);
        LabelBlock laneOrder = new LabelBlock("b", yxc.box(), null, yxc.data());
        assertThat(laneOrder.toAxes(Axes.of("yxc")).axes()).isEqualTo(Axes.of("yxc"));
    }

    @Test
    void refusesToDropAnAxisWithExtent() {
        LabelBlock b = new LabelBlock("/x/block0000", new Box(new long[] {0, 0, 0}, new long[] {2, 1, 1}),
                Axes.of("zyx"), new byte[2]);
        assertThatThrownBy(() -> b.toAxes(Axes.of("yxc"))).isInstanceOf(JilastikException.class)
                .hasMessageContaining("/x/block0000").hasMessageContaining("axis z");
    }

    @Test
    void parsesBothBlockSliceSpellings() {
        assertThat(LabelSetReader.parseSlice("[329:396,288:494,0:1]", new int[] {67, 206, 1}, "b", "p.ilp"))
                .isEqualTo(new Box(new long[] {329, 288, 0}, new long[] {396, 494, 1}));
        assertThat(LabelSetReader.parseSlice("[slice(2, 3, None), slice(42, 49, None)]", new int[] {1, 7}, "b", "p"))
                .isEqualTo(new Box(new long[] {2, 42}, new long[] {3, 49}));
        assertThatThrownBy(() -> LabelSetReader.parseSlice("[0:5,0:5]", new int[] {5, 4}, "b", "p.ilp"))
                .isInstanceOf(JilastikException.class).hasMessageContaining("does not match its shape");
    }
}
