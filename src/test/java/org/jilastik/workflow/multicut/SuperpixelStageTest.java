package org.jilastik.workflow.multicut;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/**
 * The blockwise DT-watershed superpixels of cells2d_mc (two 512-px blocks) must equal ilastik's
 * intermediate/superpixels bit for bit (same ids at every pixel), single-threaded and on a pool.
 */
class SuperpixelStageTest {
    static final WatershedSettings CELLS2D = new WatershedSettings(new int[] {0}, 0.2, 10, 0.7, 0.85,
            new double[0], true);

    /** Channel 0 of cells2d_boundaries.h5 (yxc), flat yx. */
    static float[] boundaryChannel0() {
        try (Hdf5Source s = Hdf5Source.open(Intermediate.CASE.resolve("cells2d_boundaries.h5"), "data", null)) {
            float[] yxc = s.readAll().toFloats();
            float[] out = new float[yxc.length / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = yxc[2 * i];
            }
            return out;
        }
    }

    @Test
    void equalIlastiksSuperpixelsExactly() {
        float[] input = boundaryChannel0();
        int[] expected;
        try (Intermediate in = Intermediate.of("cells2d_mc")) {
            expected = in.ints("superpixels");
        }
        int[] shape = {1, 256, 640};
        int[] ours = BlockwiseSuperpixels.compute(input, shape, false, CELLS2D, null);
        assertExact(ours, expected);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            assertExact(BlockwiseSuperpixels.compute(input, shape, false, CELLS2D, pool), expected);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertExact(int[] ours, int[] expected) {
        assertThat(ours).hasSameSizeAs(expected);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != expected[i]) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differ).as("pixels differing, first at (y %s, x %s)", first / 640, first % 640).isZero();
        assertThat(java.util.Arrays.stream(ours).max().getAsInt()).isEqualTo(2032);
    }
}
