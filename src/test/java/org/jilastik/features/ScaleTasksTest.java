package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jilastik.array.Axes;
import org.junit.jupiter.api.Test;

/**
 * {@link ScaleTasks}: split columns give the same planes as whole columns, and every way a part can fail ends the
 * call with that failure instead of waiting forever.
 */
@org.junit.jupiter.api.Timeout(60)
class ScaleTasksTest {
    private static final List<String> IDS = List.of("GaussianSmoothing", "LaplacianOfGaussian",
            "StructureTensorEigenvalues", "HessianOfGaussianEigenvalues", "GaussianGradientMagnitude",
            "DifferenceOfGaussians");

    private static FeaturePlan plan() {
        boolean[][] m = new boolean[IDS.size()][3];
        for (boolean[] row : m) {
            java.util.Arrays.fill(row, true);
        }
        m[2][0] = false; // a column without the structure tensor runs whole
        return FeaturePlan.of(new FeatureSelection(IDS, new double[] {0.7, 1.6, 3.5}, m, new boolean[3]),
                Axes.of("yx"), new long[] {40, 48});
    }

    private static List<ScaleFilters> columns(FeaturePlan plan) {
        List<ScaleFilters> out = new ArrayList<>();
        for (ScaleStep s : plan.steps()) {
            out.add(new ScaleFilters(s));
        }
        return out;
    }

    private static Frame frame() {
        return new Frame(new int[] {0, 0, 0}, new int[] {1, 40, 48}, new int[] {1, 40, 48});
    }

    private static float[] raw() {
        float[] r = new float[40 * 48];
        for (int i = 0; i < r.length; i++) {
            r[i] = (i * 37 % 101) / 3f;
        }
        return r;
    }

    @Test
    void splitColumnsEqualWholeColumns() throws InterruptedException {
        FeaturePlan plan = plan();
        List<ScaleFilters> columns = columns(plan);
        assertThat(columns.stream().filter(ScaleFilters::splits).count()).isEqualTo(2);
        float[][] whole = new float[plan.channelCount()][];
        for (ScaleFilters f : columns) {
            f.compute(raw(), frame(), frame(), 0, whole, new Scratch());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            float[][] split = new float[plan.channelCount()][];
            boolean[] ranMeanwhile = {false};
            ScaleTasks.run(columns, new float[][] {raw()}, frame(), frame(), split, new Scratch(), pool,
                    () -> ranMeanwhile[0] = true);
            assertThat(ranMeanwhile[0]).isTrue();
            for (int ch = 0; ch < whole.length; ch++) {
                assertThat(split[ch]).as("channel %d", ch).isEqualTo(whole[ch]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingPartEndsTheCallWithItsFailure() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // an input plane too short for its frame makes every column's pre-smoothing fail
            assertThatThrownBy(() -> ScaleTasks.run(columns(plan()), new float[][] {new float[10]}, frame(),
                    frame(), new float[plan().channelCount()][], new Scratch(), pool, () -> { }))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectingExecutorEndsTheCallWithTheRejection() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        pool.shutdown();
        assertThatThrownBy(() -> ScaleTasks.run(columns(plan()), new float[][] {raw()}, frame(), frame(),
                new float[plan().channelCount()][], new Scratch(), pool, () -> { }))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
