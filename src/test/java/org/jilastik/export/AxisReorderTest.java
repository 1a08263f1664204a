package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

class AxisReorderTest {
    /** value = 100*y + 10*x + c for a yxc block of shape (2, 3, 4) at offset (5, 7, 0). */
    private static Block yxc() {
        float[] v = new float[24];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                for (int c = 0; c < 4; c++) {
                    v[(y * 3 + x) * 4 + c] = 100 * y + 10 * x + c;
                }
            }
        }
        return new Block(Axes.of("yxc"), new Box(new long[] {5, 7, 0}, new long[] {7, 10, 4}), DType.FLOAT32, v);
    }

    @Test
    void permutesToCyxAndXyc() {
        Block cyx = new AxisReorder(Axes.of("yxc"), new long[] {60, 80, 4}, Axes.of("cyx")).apply(yxc());
        assertThat(cyx.axes()).isEqualTo(Axes.of("cyx"));
        assertThat(cyx.box()).isEqualTo(new Box(new long[] {0, 5, 7}, new long[] {4, 7, 10}));
        float[] d = (float[]) cyx.data();
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    assertThat(d[(c * 2 + y) * 3 + x]).isEqualTo(100 * y + 10 * x + c);
                }
            }
        }
        Block xyc = new AxisReorder(Axes.of("yxc"), new long[] {60, 80, 4}, Axes.of("xyc")).apply(yxc());
        float[] e = (float[]) xyc.data();
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 2; y++) {
                for (int c = 0; c < 4; c++) {
                    assertThat(e[(x * 2 + y) * 4 + c]).isEqualTo(100 * y + 10 * x + c);
                }
            }
        }
    }

    @Test
    void insertingSingletonsSharesTheArray() {
        Block b = yxc();
        Block t = new AxisReorder(Axes.of("yxc"), new long[] {60, 80, 4}, Axes.of("tzyxc")).apply(b);
        assertThat(t.data()).isSameAs(b.data());
        assertThat(t.box()).isEqualTo(new Box(new long[] {0, 0, 5, 7, 0}, new long[] {1, 1, 7, 10, 4}));
    }

    @Test
    void droppingSingletonChannelAndMovingSingletons() {
        byte[] v = {1, 2, 3, 4, 5, 6};
        Block seg = new Block(Axes.of("yxc"), Box.ofShape(2L, 3L, 1L), DType.UINT8, v);
        AxisReorder r = new AxisReorder(Axes.of("yxc"), new long[] {2, 3, 1}, Axes.of("yx"));
        Block yx = r.apply(seg);
        assertThat(yx.shape()).containsExactly(2, 3);
        assertThat(yx.data()).isSameAs(v);
        // a singleton axis moved in front keeps the flat order as well
        Block cyx = new AxisReorder(Axes.of("yxc"), new long[] {2, 3, 1}, Axes.of("cyx")).apply(seg);
        assertThat(cyx.data()).isSameAs(v);
        assertThat(r.toSource(new Box(new long[] {1, 0}, new long[] {2, 3}), Box.ofShape(2L, 3L, 1L)))
                .isEqualTo(new Box(new long[] {1, 0, 0}, new long[] {2, 3, 1}));
    }

    @Test
    void droppingALargeAxisIsRefused() {
        assertThatThrownBy(() -> new AxisReorder(Axes.of("yxc"), new long[] {60, 80, 3}, Axes.of("yx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("axis c of extent 3");
    }

    @Test
    void fiveDimensionalPermutationAgainstIndexArithmetic() {
        int[] s = {2, 3, 4, 5, 3}; // tzyxc
        int n = 2 * 3 * 4 * 5 * 3;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        Block b = new Block(Axes.of("tzyxc"), Box.ofShape(s), DType.INT32, v);
        Block o = new AxisReorder(Axes.of("tzyxc"), new long[] {2, 3, 4, 5, 3}, Axes.of("cxtyz")).apply(b);
        assertThat(o.shape()).containsExactly(3, 5, 2, 4, 3);
        int[] d = (int[]) o.data();
        int k = 0;
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 5; x++) {
                for (int t = 0; t < 2; t++) {
                    for (int y = 0; y < 4; y++) {
                        for (int z = 0; z < 3; z++) {
                            assertThat(d[k++]).isEqualTo((((t * 3 + z) * 4 + y) * 5 + x) * 3 + c);
                        }
                    }
                }
            }
        }
    }
}
