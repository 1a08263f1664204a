package org.jilastik.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransposeTest {
    private static Block cyx() {
        // c=2, y=2, x=3; value = 100c + 10y + x
        float[] d = new float[12];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    d[c * 6 + y * 3 + x] = 100 * c + 10 * y + x;
                }
            }
        }
        return new Block(Axes.of("cyx"), new Box(new long[] {0, 4, 7}, new long[] {2, 6, 10}), DType.FLOAT32, d);
    }

    @Test
    void permutesByLetterAndKeepsCoordinates() {
        Block t = Transpose.to(cyx(), Axes.of("yxc"), null);
        assertThat(t.box()).isEqualTo(new Box(new long[] {4, 7, 0}, new long[] {6, 10, 2}));
        assertThat((float[]) t.data()).containsExactly(0, 100, 1, 101, 2, 102, 10, 110, 11, 111, 12, 112);
    }

    @Test
    void insertsAndDropsSingletons() {
        Block yx1 = new Block(Axes.of("zyx"), Box.ofShape(1, 2, 2), DType.UINT8, new byte[] {1, 2, 3, 4});
        Block t = Transpose.to(yx1, Axes.of("tyxc"), new long[] {5, 0, 0, 0});
        assertThat(t.shape()).containsExactly(1, 2, 2, 1);
        assertThat(t.box().start(0)).isEqualTo(5);
        assertThat((byte[]) t.data()).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> Transpose.to(cyx(), Axes.of("yx"), null)).hasMessageContaining("cannot drop axis 'c'");
    }
}
