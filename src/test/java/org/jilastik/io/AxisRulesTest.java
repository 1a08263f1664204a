package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

class AxisRulesTest {
    @Test
    void guessFollowsIlastiksTable() {
        assertThat(AxisGuess.guess(new long[] {64, 96}, "f")).isEqualTo(Axes.of("yx"));
        assertThat(AxisGuess.guess(new long[] {64, 96, 4}, "f")).isEqualTo(Axes.of("yxc"));
        assertThat(AxisGuess.guess(new long[] {64, 96, 5}, "f")).isEqualTo(Axes.of("zyx"));
        assertThat(AxisGuess.guess(new long[] {1, 64, 96}, "f")).isEqualTo(Axes.of("zyx"));
        assertThat(AxisGuess.guess(new long[] {12, 1, 32, 40}, "f")).isEqualTo(Axes.of("zyxc"));
        assertThat(AxisGuess.guess(new long[] {1, 2, 3, 4, 5}, "f")).isEqualTo(Axes.of("tzyxc"));
        for (long[] bad : new long[][] {{}, {5}, {1, 2, 3, 4, 5, 6}}) {
            assertThatThrownBy(() -> AxisGuess.guess(bad, "/x/f.npy")).isInstanceOf(JilastikException.class)
                    .hasMessageContaining("/x/f.npy has " + bad.length + " dimensions");
        }
    }

    @Test
    void pipelineCandidatesAreInItertoolsOrder() {
        List<Axes> c = PipelineAxisOrder.PIXEL_CLASSIFICATION;
        assertThat(c).hasSize(2 + 24 + 24);
        assertThat(c.subList(0, 8)).extracting(Axes::letters)
                .containsExactly("yxc", "xyc", "tzyc", "tzxc", "tyzc", "tyxc", "txzc", "txyc");
        assertThat(c.get(26).letters()).isEqualTo("tzyxc");
        long[] s5 = {1, 1, 64, 96, 1};
        assertThat(PipelineAxisOrder.pixelClassification(Axes.of("tzyxc"), s5)).isEqualTo(Axes.of("yxc"));
        assertThat(PipelineAxisOrder.pixelClassification(Axes.of("tzyxc"), new long[] {2, 3, 64, 96, 1}))
                .isEqualTo(Axes.of("tzyxc"));
        assertThat(PipelineAxisOrder.pixelClassification(Axes.of("xyzc"), new long[] {4, 5, 6, 2}))
                .isEqualTo(Axes.of("zyxc"));
        assertThatThrownBy(() -> PipelineAxisOrder.choose(Axes.of("zyx"), new long[] {3, 4, 5},
                PipelineAxisOrder.COUNTING, "/d/v.h5/data")).isInstanceOf(JilastikException.class)
                .hasMessageContaining("z=3");
    }

    @Test
    void inputAxesOptionsPerRole() {
        AxisOptions one = new AxisOptions(List.of(Axes.of("yx")), false, false);
        assertThat(one.inputAxesFor(0)).isEqualTo(Axes.of("yx"));
        assertThat(one.inputAxesFor(1)).isEqualTo(Axes.of("yx"));
        AxisOptions two = new AxisOptions(Arrays.asList(null, Axes.of("zyx")), false, false);
        assertThat(two.inputAxesActive()).isTrue();
        assertThat(two.inputAxesFor(0)).isNull();
        assertThat(two.inputAxesFor(2)).isNull();
        assertThat(AxisOptions.NONE.inputAxesActive()).isFalse();
    }

    @Test
    void noneRoleUsesFileAxesNotTrainingAxes() {
        ImageSource s = fake("zyx", 3, 4, 5);
        AxisOptions opts = new AxisOptions(Arrays.asList(Axes.of("yx"), null), false, false);
        AxisChoice c = AxisResolver.resolve(s, "p", opts, 1, Axes.of("xyz"));
        assertThat(c.axes()).isEqualTo(Axes.of("zyx"));
        assertThat(c.rule()).isEqualTo(AxisChoice.Rule.FILE);
        assertThatThrownBy(() -> AxisResolver.resolve(s, "/d/p.h5/data", opts, 0, null))
                .hasMessage("--input_axes=yx has 2 letters but /d/p.h5/data has 3 dimensions (3, 4, 5) (file axes "
                        + "zyx); give one letter per dimension.");
        assertThatThrownBy(() -> AxisResolver.resolve(s, "p", new AxisOptions(List.of(Axes.of("tzc")), false,
                false), 0, null)).hasMessageContaining("lack x or y");
        assertThat(AxisResolver.resolve(s, "p", AxisOptions.NONE, 0, null).rule()).isEqualTo(AxisChoice.Rule.FILE);
    }

    static ImageSource fake(String axes, long... shape) {
        return new ImageSource() {
            public Axes axes() {
                return Axes.of(axes);
            }

            public long[] shape() {
                return shape.clone();
            }

            public DType dtype() {
                return DType.UINT8;
            }

            public Block read(Box box) {
                return Block.allocate(axes(), box, DType.UINT8);
            }

            public String describe() {
                return "fake";
            }

            public void close() {
            }
        };
    }
}
