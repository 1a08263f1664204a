package org.jilastik.workflow.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import org.jilastik.error.JilastikException;
import org.jilastik.project.ObjectSettings.ThresholdSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blockwise threshold step gives the whole-frame {@link Thresholding#apply} result value for value (the kept
 * components with their whole-frame numbers) for every block shape, store kind, method, smoothing and size
 * filter, on synthetic 2-D and 3-D maps whose blobs cross many block borders.
 */
class BlockwiseThresholdingTest {
    @TempDir
    Path tmp;

    /** Two channels of overlapping blobs of random sizes and heights plus noise, flat {@code [z][y][x][c]}. */
    static float[] maps(int[] shape, int channels, long seed) {
        return maps(shape, channels, seed, shape[0] > 1 ? 1000 : 400, shape[0] > 1 ? 3 : 5);
    }

    /** As {@link #maps(int[], int, long)} with one blob per {@code density} pixels of radius up to 1 + rmax. */
    static float[] maps(int[] shape, int channels, long seed, int density, double rmax) {
        Random rnd = new Random(seed);
        int n = shape[0] * shape[1] * shape[2];
        float[] out = new float[n * channels];
        for (int c = 0; c < channels; c++) {
            int blobs = n / density + 3;
            for (int b = 0; b < blobs; b++) {
                double cz = rnd.nextDouble() * shape[0];
                double cy = rnd.nextDouble() * shape[1];
                double cx = rnd.nextDouble() * shape[2];
                double r = 1 + rnd.nextDouble() * rmax;
                double h = 0.4 + rnd.nextDouble() * 0.6;
                for (int z = 0; z < shape[0]; z++) {
                    for (int y = 0; y < shape[1]; y++) {
                        for (int x = 0; x < shape[2]; x++) {
                            double d2 = (z - cz) * (z - cz) * 4 + (y - cy) * (y - cy) + (x - cx) * (x - cx);
                            if (d2 < 9 * r * r) {
                                out[((z * shape[1] + y) * shape[2] + x) * channels + c] +=
                                        (float) (h * Math.exp(-d2 / (2 * r * r)));
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                out[i * channels + c] = Math.min(1f, out[i * channels + c] + 0.1f * rnd.nextFloat());
            }
        }
        return out;
    }

    private static BlockwiseThresholding.Maps reader(float[] maps, int channels, int[] shape) {
        return (start, stop) -> {
            float[] out = new float[FrameAccess.volume(start, stop) * channels];
            int w = (stop[2] - start[2]) * channels;
            int o = 0;
            for (int z = start[0]; z < stop[0]; z++) {
                for (int y = start[1]; y < stop[1]; y++) {
                    System.arraycopy(maps, ((z * shape[1] + y) * shape[2] + start[2]) * channels, out, o, w);
                    o += w;
                }
            }
            return out;
        };
    }

    private void assertSameAsWholeFrame(float[] maps, int channels, int[] shape, ThresholdSettings s,
            double[] drange, int[][] blocks) {
        int[] expected = Thresholding.apply(maps, channels, shape, s, drange);
        long kept = java.util.Arrays.stream(expected).filter(v -> v != 0).distinct().count();
        long removed = java.util.Arrays.stream(Thresholding.apply(maps, channels, shape, new ThresholdSettings(
                s.method(), 0, Long.MAX_VALUE, s.high(), s.low(), s.sigma(), s.channel(), s.coreChannel()), drange))
                .filter(v -> v != 0).distinct().count() - kept;
        assertThat(kept).as("objects kept by the whole-frame threshold").isGreaterThan(2);
        assertThat(removed).as("objects removed by the size filter (and the core test)").isPositive();
        for (int[] block : blocks) {
            for (boolean disk : new boolean[] {false, true}) {
                Supplier<LabelStore> stores = () -> disk ? LabelStore.onDisk(shape, tmp) : LabelStore.inMemory(shape);
                try (BlockwiseThresholding.Mask mask = BlockwiseThresholding.apply(reader(maps, channels, shape),
                        channels, shape, s, drange, block, stores)) {
                    int[] got = mask.read(new int[3], shape);
                    int worst = -1;
                    for (int i = 0; i < got.length && worst < 0; i++) {
                        if (got[i] != expected[i]) {
                            worst = i;
                        }
                    }
                    assertThat(worst).as("first differing pixel with block %s (disk %s): got %s, expected %s",
                            java.util.Arrays.toString(block), disk, worst < 0 ? 0 : got[worst],
                            worst < 0 ? 0 : expected[worst]).isEqualTo(-1);
                    // a box read in parts gives the same values
                    int[] part = mask.read(new int[] {0, shape[1] / 3, 5}, new int[] {shape[0], shape[1] / 2 + 1, 9});
                    int i = 0;
                    for (int z = 0; z < shape[0]; z++) {
                        for (int y = shape[1] / 3; y < shape[1] / 2 + 1; y++) {
                            for (int x = 5; x < 9; x++, i++) {
                                assertThat(part[i]).isEqualTo(expected[(z * shape[1] + y) * shape[2] + x]);
                            }
                        }
                    }
                }
            }
        }
    }

    private static final int[][] BLOCKS_2D = {{1, 16, 16}, {1, 7, 23}, {1, 1, 5}, {1, 1000, 1000}};
    private static final int[][] BLOCKS_3D = {{4, 16, 16}, {3, 5, 7}, {1, 9, 100}, {100, 100, 100}};

    @Test
    void simpleThreshold2dWithSmoothingAndSizeFilter() {
        int[] shape = {1, 70, 93};
        float[] m = maps(shape, 2, 1);
        ThresholdSettings s = new ThresholdSettings(0, 12, 400, 0.8, 0.5, new double[] {1.0, 1.0, 1.0}, 1, 0);
        assertSameAsWholeFrame(m, 2, shape, s, null, BLOCKS_2D);
    }

    @Test
    void hysteresis2dOneChannelAnisotropicSmoothing() {
        int[] shape = {1, 64, 80};
        float[] m = maps(shape, 2, 2);
        ThresholdSettings s = new ThresholdSettings(1, 5, 300, 0.75, 0.45, new double[] {2.2, 0.7, 1.0}, 0, 0);
        assertSameAsWholeFrame(m, 2, shape, s, null, BLOCKS_2D);
    }

    @Test
    void hysteresis2dTwoChannelsRescaledWithoutSmoothing() {
        int[] shape = {1, 60, 71};
        float[] m = maps(shape, 2, 3);
        ThresholdSettings s = new ThresholdSettings(1, 3, 250, 0.55, 0.7, new double[] {0.0, 0.0, 0.0}, 0, 1);
        assertSameAsWholeFrame(m, 2, shape, s, new double[] {0.0, 1.3}, BLOCKS_2D);
    }

    @Test
    void simpleThreshold3d() {
        int[] shape = {10, 48, 56};
        float[] m = maps(shape, 1, 4);
        ThresholdSettings s = new ThresholdSettings(0, 20, 3000, 0.8, 0.5, new double[] {1.0, 1.3, 0.8}, 0, 0);
        assertSameAsWholeFrame(m, 1, shape, s, null, BLOCKS_3D);
    }

    @Test
    void hysteresis3dTwoChannelsWithSmoothing() {
        int[] shape = {10, 56, 64};
        float[] m = maps(shape, 3, 5, 700, 3);
        ThresholdSettings s = new ThresholdSettings(1, 20, 600, 0.45, 0.8, new double[] {1.0, 1.0, 1.5}, 2, 1);
        assertSameAsWholeFrame(m, 3, shape, s, null, BLOCKS_3D);
    }

    @Test
    void unsupportedMethodAndMissingChannelAreRefusedBeforeAnyWork() {
        int[] shape = {1, 4, 4};
        ThresholdSettings ipht = new ThresholdSettings(3, 1, 10, 0.8, 0.5, new double[3], 0, 0);
        assertThatThrownBy(() -> BlockwiseThresholding.apply((a, b) -> {
            throw new AssertionError("read");
        }, 1, shape, ipht, null, shape, () -> LabelStore.inMemory(shape))).isInstanceOf(JilastikException.class)
                .hasMessageContaining("identity-preserving");
        ThresholdSettings ch2 = new ThresholdSettings(0, 1, 10, 0.8, 0.5, new double[3], 2, 0);
        assertThatThrownBy(() -> BlockwiseThresholding.apply((a, b) -> new float[16], 1, shape, ch2, null, shape,
                () -> LabelStore.inMemory(shape))).isInstanceOf(JilastikException.class)
                .hasMessageContaining("channel 2");
    }
}
