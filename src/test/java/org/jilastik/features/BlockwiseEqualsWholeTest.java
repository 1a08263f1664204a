package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

/**
 * Property: for random images, feature selections and block splits, features computed block by block (each block
 * read with the plan's halo, clipped to the image) are bit-identical to features of the whole image.
 */
class BlockwiseEqualsWholeTest {
    private static final List<String> IDS = List.of("GaussianSmoothing", "LaplacianOfGaussian",
            "GaussianGradientMagnitude", "DifferenceOfGaussians", "StructureTensorEigenvalues",
            "HessianOfGaussianEigenvalues");
    private static final double[] SCALES = {0.3, 0.7, 1.0, 1.6, 3.5, 5.0};

    @Test
    void blocksWithHaloEqualWholeImageBitForBit() throws InterruptedException {
        Random rnd = new Random(20260101);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 24; trial++) {
                String axes = switch (trial % 4) {
                    case 0 -> "yx";
                    case 1 -> "zyxc";
                    case 2 -> "tyxc";
                    default -> "zyx";
                };
                boolean hasZ = axes.contains("z");
                FeatureSelection sel = randomSelection(rnd, hasZ);
                long[] shape = randomShape(rnd, axes, sel);
                Block image = randomImage(rnd, axes, shape, trial);
                FeaturePlan plan = FeaturePlan.of(sel, image.axes(), shape);
                FeatureComputer computer = new FeatureComputer(plan);
                float[] whole = computer.compute(image, image.box());

                Box out = randomBox(rnd, image.axes(), shape);
                Block in = crop(image, plan.inputBox(out));
                float[] part = computer.compute(in, out);
                float[] expected = cropFeatures(whole, shape, image.axes(), out, plan.channelCount());
                assertThat(part).as("trial %d %s shape %s box %s", trial, axes, java.util.Arrays.toString(shape), out)
                        .isEqualTo(expected);

                float[] parallel = computer.computeParallel(in, out, pool, 2 + rnd.nextInt(3));
                assertThat(parallel).as("parallel, trial %d", trial).isEqualTo(expected);
                // into a caller's array: every element overwritten (it starts as NaN)
                for (ExecutorService ex : new ExecutorService[] {null, pool}) {
                    float[] into = nans(expected.length);
                    assertThat(computer.computeInto(in, out, ex, 2, into)).as("into, trial %d", trial).isSameAs(into)
                            .isEqualTo(expected);
                }

                // the same values as channel planes (what the forest reads), with and without workers
                int channels = plan.channelCount();
                for (ExecutorService ex : new ExecutorService[] {null, pool}) {
                    float[][] planes = computer.computePlanes(in, out, ex);
                    assertThat(planes.length).as("planes, trial %d", trial).isEqualTo(channels);
                    float[] interleaved = new float[expected.length];
                    for (int ch = 0; ch < channels; ch++) {
                        assertThat(planes[ch]).hasSize(expected.length / channels);
                        for (int i = 0; i < planes[ch].length; i++) {
                            interleaved[i * channels + ch] = planes[ch][i];
                        }
                    }
                    assertThat(interleaved).as("planes, trial %d, workers %s", trial, ex != null)
                            .isEqualTo(expected);
                }

                // 2-D outputs in tiles (as large 2-D outputs are computed), tiles smaller than the halo included
                if (!hasZ) {
                    int edge = 3 + rnd.nextInt(30);
                    for (ExecutorService ex : new ExecutorService[] {null, pool}) {
                        assertThat(computer.computeTiled(in, out, ex, edge, null))
                                .as("tiles of %d, trial %d, workers %s", edge, trial, ex != null).isEqualTo(expected);
                        float[] into = nans(expected.length);
                        assertThat(computer.computeTiled(in, out, ex, edge, into))
                                .as("tiles of %d into an array, trial %d, workers %s", edge, trial, ex != null)
                                .isSameAs(into).isEqualTo(expected);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[] nans(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
    }

    private static FeatureSelection randomSelection(Random rnd, boolean hasZ) {
        boolean[][] m = new boolean[IDS.size()][SCALES.length];
        int count = 0;
        while (count == 0) {
            for (int i = 0; i < IDS.size(); i++) {
                for (int j = 0; j < SCALES.length; j++) {
                    m[i][j] = rnd.nextInt(4) == 0;
                    count += m[i][j] ? 1 : 0;
                }
            }
        }
        boolean[] in2d = new boolean[SCALES.length];
        for (int j = 0; j < in2d.length; j++) {
            in2d[j] = !hasZ || rnd.nextBoolean();
        }
        return new FeatureSelection(IDS, SCALES, m, in2d);
    }

    private static long[] randomShape(Random rnd, String axes, FeatureSelection sel) {
        long[] s = new long[axes.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = switch (axes.charAt(i)) {
                case 't' -> 2;
                case 'c' -> 1 + rnd.nextInt(2);
                case 'z' -> 19 + rnd.nextInt(10);
                default -> 19 + rnd.nextInt(50);
            };
        }
        return s;
    }

    private static Block randomImage(Random rnd, String axes, long[] shape, int trial) {
        Box box = Box.ofShape(shape);
        int n = Math.toIntExact(box.numElements());
        if (trial % 3 == 0) {
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                d[i] = (float) (rnd.nextGaussian() * 1000);
            }
            return new Block(Axes.of(axes), box, DType.FLOAT32, d);
        }
        byte[] d = new byte[n];
        rnd.nextBytes(d);
        return new Block(Axes.of(axes), box, DType.UINT8, d);
    }

    /** A random sub-box on t, z, y, x (all channels). */
    private static Box randomBox(Random rnd, Axes axes, long[] shape) {
        long[] a = new long[shape.length];
        long[] b = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (axes.get(i) == 'c') {
                a[i] = 0;
                b[i] = shape[i];
            } else {
                a[i] = rnd.nextInt((int) shape[i]);
                b[i] = a[i] + 1 + rnd.nextInt((int) (shape[i] - a[i]));
            }
        }
        return new Box(a, b);
    }

    private static Block crop(Block image, Box box) {
        float[] src = image.dtype() == DType.FLOAT32 ? (float[]) image.data() : null;
        byte[] srcB = image.dtype() == DType.UINT8 ? (byte[]) image.data() : null;
        int n = Math.toIntExact(box.numElements());
        Object dst = Block.newStorage(image.dtype(), n);
        List<long[]> coords = new ArrayList<>();
        forEach(box, coords::add);
        int[] strides = image.strides();
        int k = 0;
        for (long[] c : coords) {
            int idx = 0;
            for (int i = 0; i < c.length; i++) {
                idx += (int) c[i] * strides[i];
            }
            if (src != null) {
                ((float[]) dst)[k++] = src[idx];
            } else {
                ((byte[]) dst)[k++] = srcB[idx];
            }
        }
        return new Block(image.axes(), box, image.dtype(), dst);
    }

    private static float[] cropFeatures(float[] whole, long[] shape, Axes axes, Box box, int channels) {
        long[] s = shape.clone();
        long[] a = box.start();
        long[] b = box.stop();
        int ci = axes.indexOf('c');
        if (ci >= 0) {
            s[ci] = channels;
            a[ci] = 0;
            b[ci] = channels;
        } else {
            s = java.util.Arrays.copyOf(s, s.length + 1);
            s[s.length - 1] = channels;
            a = java.util.Arrays.copyOf(a, a.length + 1);
            b = java.util.Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = channels;
        }
        Box fbox = new Box(a, b);
        int[] strides = Block.stridesOf(Box.ofShape(s).intShape());
        float[] out = new float[Math.toIntExact(fbox.numElements())];
        int[] k = {0};
        forEach(fbox, c -> {
            int idx = 0;
            for (int i = 0; i < c.length; i++) {
                idx += (int) c[i] * strides[i];
            }
            out[k[0]++] = whole[idx];
        });
        return out;
    }

    private static void forEach(Box box, java.util.function.Consumer<long[]> f) {
        long[] c = box.start();
        if (box.isEmpty()) {
            return;
        }
        while (true) {
            f.accept(c.clone());
            int i = c.length - 1;
            while (i >= 0) {
                c[i]++;
                if (c[i] < box.stop(i)) {
                    break;
                }
                c[i] = box.start(i);
                i--;
            }
            if (i < 0) {
                return;
            }
        }
    }
}
