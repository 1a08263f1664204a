package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** Traversal and combination rules on tiny hand-built forests (spec pixel-classification §4.3–4.4). */
class ForestPredictorTest {
    static final long[] TWO = {1, 2};

    private static VigraClassifier parallel(long[] known, VigraForest... forests) {
        return new VigraClassifier(ClassifierType.PARALLEL_VIGRA_RF, List.of(forests), known, List.of(), null);
    }

    /**
     * Both engines, checked against each other bit for bit: the public call and (small calls go to the reference
     * walk) the group kernel itself, whenever it applies to the classifier.
     */
    private static float[] predict(VigraClassifier c, int channels, float... features) {
        int n = features.length / c.featureCount();
        ForestPredictor p = ForestPredictor.compile(c, channels);
        float[] fast = p.predict(features, n);
        float[] reference = new float[fast.length];
        new VigraReferencePredictor(c, channels).predict(features, 0, n, reference, 0);
        assertThat(fast).as("fast engine = reference").containsExactly(reference);
        if (p.groupKernelExact()) {
            float[] kernel = new float[fast.length];
            p.predictGroups(features, 0, n, kernel, 0);
            assertThat(kernel).as("group kernel = reference").containsExactly(reference);
        }
        // the same features as planes (one per feature, pixels starting at an offset) give the same numbers
        int offset = 3;
        float[][] planes = new float[c.featureCount()][n + offset + 2];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < c.featureCount(); f++) {
                planes[f][offset + i] = features[i * c.featureCount() + f];
            }
        }
        float[] fromPlanes = new float[fast.length + 4];
        p.predictPlanes(planes, offset, n, fromPlanes, 4);
        assertThat(java.util.Arrays.copyOfRange(fromPlanes, 4, fromPlanes.length)).as("feature planes = reference")
                .containsExactly(reference);
        return fast;
    }

    private final VigraClassifier stump = parallel(TWO, TinyForests.forest(2, TWO, false,
            TinyForests.stump(2, 1, 0.5, new double[] {0.9, 0.1}, new double[] {0.2, 0.8})));

    @Test
    void leftIffLessThanThresholdAndEqualityGoesRight() {
        assertThat(predict(stump, 2, 7f, 0.5f)).containsExactly(0.2f, 0.8f);
        assertThat(predict(stump, 2, 7f, Math.nextDown(0.5f))).containsExactly(0.9f, 0.1f);
        assertThat(predict(stump, 2, 7f, Float.POSITIVE_INFINITY)).containsExactly(0.2f, 0.8f);
        assertThat(predict(stump, 2, 7f, Float.NEGATIVE_INFINITY)).containsExactly(0.9f, 0.1f);
    }

    @Test
    void thresholdBetweenFloatsComparesAsDouble() {
        double t = 0.1; // 0.1f is slightly above 0.1, its predecessor below
        VigraClassifier c = parallel(TWO, TinyForests.forest(1, TWO, false,
                TinyForests.stump(1, 0, t, new double[] {1, 0}, new double[] {0, 1})));
        assertThat(predict(c, 2, 0.1f, Math.nextDown(0.1f))).containsExactly(0f, 1f, 1f, 0f);
        assertThat(ForestPredictor.thresholdAsFloat(0.1)).isEqualTo(0.1f);
        assertThat(ForestPredictor.thresholdAsFloat(((double) 0.1f + Math.nextUp(0.1f)) / 2))
                .isEqualTo(Math.nextUp(0.1f));
        assertThat(ForestPredictor.thresholdAsFloat(0.5)).isEqualTo(0.5f);
        assertThat(ForestPredictor.thresholdAsFloat(1e300)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(ForestPredictor.thresholdAsFloat(-1e300)).isEqualTo(-Float.MAX_VALUE);
    }

    @Test
    void nanFeatureAnywhereGivesZeros() {
        assertThat(predict(stump, 2, Float.NaN, 0.1f)).containsExactly(0f, 0f);
        assertThat(predict(stump, 2, 0.1f, Float.NaN)).containsExactly(0f, 0f);
    }

    @Test
    void leafProbabilitiesAreAveragedOverTrees() {
        VigraClassifier c = parallel(TWO, TinyForests.forest(1, TWO, false,
                TinyForests.leaf(1, 3, 0.75, 0.25), TinyForests.leaf(1, 9, 0.25, 0.75),
                TinyForests.leaf(1, 1, 1.0, 0.0), TinyForests.leaf(1, 1, 0.0, 1.0)));
        assertThat(predict(c, 2, 0f)).containsExactly(0.5f, 0.5f);
    }

    @Test
    void forestsAreWeightedByTreeCount() {
        VigraForest one = TinyForests.forest(1, TWO, false, TinyForests.leaf(1, 1, 1, 0));
        VigraForest three = TinyForests.forest(1, TWO, false, TinyForests.leaf(1, 1, 0, 1),
                TinyForests.leaf(1, 1, 0, 1), TinyForests.leaf(1, 1, 0, 1));
        assertThat(predict(parallel(TWO, one, three), 2, 0f)).containsExactly(0.25f, 0.75f);
    }

    @Test
    void weightedPredictionMultipliesByLeafWeight() {
        VigraForest weighted = TinyForests.forest(1, TWO, true, TinyForests.leaf(1, 3, 1, 0),
                TinyForests.leaf(1, 1, 0, 1));
        assertThat(predict(parallel(TWO, weighted), 2, 0f)).containsExactly(0.75f, 0.25f);
    }

    @Test
    void singleForestClassifierReturnsTheForestsProbabilities() {
        VigraForest f = TinyForests.forest(1, TWO, false, TinyForests.leaf(1, 1, 0.3, 0.7),
                TinyForests.leaf(1, 1, 0.6, 0.4), TinyForests.leaf(1, 1, 0.1, 0.9));
        VigraClassifier single = new VigraClassifier(ClassifierType.VIGRA_RF, List.of(f), TWO, List.of(), null);
        float[] p = predict(single, 2, 0f);
        float acc0 = (float) 0.3 + (float) 0.6 + (float) 0.1;
        float acc1 = (float) 0.7 + (float) 0.4 + (float) 0.9;
        assertThat(p).containsExactly(acc0 / 3f, acc1 / 3f);
    }

    @Test
    void knownLabelsMapClassColumnsToChannelsAndMissingClassesAreZero() {
        long[] known = {1, 3};
        VigraClassifier c = parallel(known, TinyForests.forest(1, known, false, TinyForests.leaf(1, 1, 0.25, 0.75)));
        assertThat(predict(c, 4, 0f, 1f)).containsExactly(0.25f, 0f, 0.75f, 0f, 0.25f, 0f, 0.75f, 0f);
        long[] swapped = {2, 1};
        VigraClassifier s = parallel(swapped, TinyForests.forest(1, swapped, false, TinyForests.leaf(1, 1, 0.25, 0.75)));
        assertThat(predict(s, 2, 0f)).containsExactly(0.75f, 0.25f);
    }

    @Test
    void classifierKnowingMoreLabelsThanTheProjectIsRefused() {
        long[] known = {1, 3};
        VigraClassifier c = parallel(known, TinyForests.forest(1, known, false, TinyForests.leaf(1, 1, 0.5, 0.5)));
        assertThatThrownBy(() -> ForestPredictor.compile(c, 2)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("label 3").hasMessageContaining("retrain");
    }

    @Test
    void randomForestsMatchTheReferenceBitForBit() {
        Random rnd = new Random(42);
        for (int k = 2; k <= 6; k++) {
            int features = 3 + rnd.nextInt(10);
            float[] values = new float[25];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (rnd.nextGaussian() * 10);
            }
            long[] labels = new long[k];
            for (int l = 0; l < k; l++) {
                labels[l] = l + 1;
            }
            List<VigraForest> forests = new ArrayList<>();
            for (int f = 0; f < 1 + rnd.nextInt(4); f++) {
                VigraTree[] trees = new VigraTree[1 + rnd.nextInt(12)];
                for (int t = 0; t < trees.length; t++) {
                    trees[t] = TinyForests.random(rnd, features, k, 1 + rnd.nextInt(9), values);
                }
                forests.add(TinyForests.forest(features, labels, false, trees));
            }
            VigraClassifier c = parallel(labels, forests.toArray(VigraForest[]::new));
            int n = 1000 + rnd.nextInt(300); // not a multiple of the block size
            float[] x = new float[n * features];
            for (int i = 0; i < x.length; i++) {
                // Half the values sit exactly on (float) thresholds or their neighbours.
                float v = values[rnd.nextInt(values.length)];
                x[i] = switch (rnd.nextInt(4)) {
                    case 0 -> v;
                    case 1 -> Math.nextUp(v);
                    case 2 -> (float) (rnd.nextGaussian() * 10);
                    default -> Math.nextDown(v);
                };
            }
            x[rnd.nextInt(x.length)] = Float.NaN;
            predict(c, k + rnd.nextInt(2), x);
        }
    }

    @Test
    void groupKernelOnFeaturePlanesMatchesTheReferenceBitForBit() {
        Random rnd = new Random(43);
        int features = 7;
        float[] values = new float[25];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextGaussian() * 10);
        }
        long[] labels = {1, 2, 3};
        VigraTree[] trees = new VigraTree[20];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = TinyForests.random(rnd, features, 3, 1 + rnd.nextInt(9), values);
        }
        VigraClassifier c = parallel(labels, TinyForests.forest(features, labels, false, trees));
        int n = ForestPredictor.SMALL_CALL + 77; // the group kernel, with a partial last group
        float[] x = new float[n * features];
        for (int i = 0; i < x.length; i++) {
            float v = values[rnd.nextInt(values.length)];
            x[i] = rnd.nextBoolean() ? v : (float) (rnd.nextGaussian() * 10);
        }
        x[5 * features + 2] = Float.NaN;
        x[(n - 1) * features] = Float.NaN;
        predict(c, 3, x);
    }

    @Test
    void predictionFromManyThreadsOnDisjointRangesEqualsOneThread() throws Exception {
        VigraClassifier c = TestData.classifier("ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp",
                "PixelClassification/ClassifierForests");
        ForestPredictor p = ForestPredictor.compile(c, 3);
        int n = 70_000; // parts of 10 000 pixels: large enough for the group kernel
        float[] x = new float[n * c.featureCount()];
        Random rnd = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * 30 + 20);
        }
        float[] single = p.predict(x, n);
        float[] parallelOut = new float[single.length];
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int part = 0; part < 7; part++) {
                int from = part * n / 7;
                int to = (part + 1) * n / 7;
                jobs.add(pool.submit(() -> p.predict(x, from * c.featureCount(), to - from, parallelOut, from * 3)));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
        }
        assertThat(parallelOut).containsExactly(single);
    }

    /**
     * The coherent-group kernel (LANES pixels walk a tree together under a lane mask): smooth ramps make
     * neighbouring pixels share the upper part of their paths and part ways at different depths; ranges start
     * mid-group and end one short of / one past a group; a NaN sits inside a group; single-forest and parallel
     * classifiers. Every result must equal the reference bit for bit.
     */
    @Test
    void lanesThatPartWaysInsideAGroupMatchTheReference() {
        Random rnd = new Random(3);
        int features = 5;
        int k = 3;
        long[] labels = {1, 2, 3};
        float[] values = new float[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = i - 20f;
        }
        VigraTree[] trees = new VigraTree[30];
        for (int t = 0; t < trees.length; t++) {
            trees[t] = TinyForests.random(rnd, features, k, 2 + rnd.nextInt(10), values);
        }
        VigraForest a = TinyForests.forest(features, labels, false, Arrays.copyOfRange(trees, 0, 17));
        VigraForest b = TinyForests.forest(features, labels, false, Arrays.copyOfRange(trees, 17, 30));
        int n = 40 * ForestPredictor.LANES + 3;
        float[] x = new float[n * features];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < features; c++) {
                // A slow ramp per feature (period differs by feature) plus rare jumps.
                x[i * features + c] = (float) (20 * Math.sin(i / (7.0 + 5 * c))) + (rnd.nextInt(50) == 0 ? 9f : 0f);
            }
        }
        x[(ForestPredictor.LANES + 2) * features + 1] = Float.NaN;
        for (VigraClassifier c : List.of(parallel(labels, a, b),
                new VigraClassifier(ClassifierType.VIGRA_RF, List.of(a), labels, List.of(), null))) {
            ForestPredictor fast = ForestPredictor.compile(c, 4);
            VigraReferencePredictor reference = new VigraReferencePredictor(c, 4);
            int[][] ranges = {{0, n}, {5, ForestPredictor.LANES - 1}, {3, ForestPredictor.LANES + 1},
                {ForestPredictor.LANES, 2 * ForestPredictor.LANES}, {n - 1, 1}, {7, 0}};
            for (int[] r : ranges) {
                float[] got = new float[n * 4 + 8];
                float[] want = new float[n * 4 + 8];
                Arrays.fill(got, -1f);
                Arrays.fill(want, -1f);
                fast.predictGroups(x, r[0] * features, r[1], got, 8);
                reference.predict(x, r[0] * features, r[1], want, 8);
                assertThat(got).as("pixels %d..+%d", r[0], r[1]).containsExactly(want);
            }
            assertThat(fast.groupKernelExact()).isTrue();
            float[] all = new float[n * 4];
            fast.predictGroups(x, 0, n, all, 0);
            assertThat(all[(ForestPredictor.LANES + 2) * 4]).isZero();
            assertThat(all[0] + all[1] + all[2]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(all[3]).as("label 4 has no class column").isZero();
        }
    }

    /** The project's own forest on ilastik's exported features, starting mid-group, equals the reference. */
    @Test
    void realForestOnRealFeaturesMatchesTheReference() {
        VigraClassifier c = TestData.classifier("ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp",
                "PixelClassification/ClassifierForests");
        float[] x = TestData.exported("ilastik-ref/new-2d-1ch-3class/out/blobs2d-data_Features.h5", null).data();
        int nf = c.featureCount();
        int n = x.length / nf - 11;
        float[] fast = new float[n * 3];
        float[] reference = new float[n * 3];
        ForestPredictor p = ForestPredictor.compile(c, 3);
        assertThat(p.groupKernelExact()).isTrue();
        assertThat(n).as("large enough for the group kernel").isGreaterThanOrEqualTo(ForestPredictor.SMALL_CALL);
        p.predict(x, 11 * nf, n, fast, 0);
        new VigraReferencePredictor(c, 3).predict(x, 11 * nf, n, reference, 0);
        assertThat(fast).containsExactly(reference);
    }
}
