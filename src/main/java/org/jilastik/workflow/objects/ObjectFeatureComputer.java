package org.jilastik.workflow.objects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Computes the object features of one frame from a {@link FrameAccess}, block by block (two passes of
 * {@link RegionAccumulator}), then the neighbourhood features object by object. With one block covering the frame
 * the results equal vigra's, and so do blocks of whole planes ({@link #slabFor}); other blocks differ only by
 * double rounding. The "2D Skeleton Features" are computed object by object on bounding-box cut-outs
 * ({@link SkeletonFeatures}). Thread safe; a pool, when given, computes the per-object features in parallel.
 */
public final class ObjectFeatureComputer {
    private final ObjectFeaturePlan plan;

    /** A computer for {@code plan}. */
    public ObjectFeatureComputer(ObjectFeaturePlan plan) {
        this.plan = plan;
    }

    /**
     * Computes the features of a frame with objects 1..count.
     *
     * @param block block shape {@code {z, y, x}} of the passes over the frame (use the frame shape for one block)
     * @param pool  threads for the neighbourhood features, or null
     */
    public ObjectFeatures compute(FrameAccess frame, int count, int[] block, ExecutorService pool) {
        int[] shape = frame.shape();
        int dims = shape[0] > 1 ? 3 : 2;
        RegionAccumulator acc = new RegionAccumulator(count, frame.channels(), dims, plan.needsHistograms());
        List<int[][]> blocks = blocks(shape, block);
        for (int[][] b : blocks) {
            acc.pass1(frame.labels(b[0], b[1]), frame.raw(b[0], b[1]), b[0], b[1]);
        }
        acc.beginPass2();
        for (int[][] b : blocks) {
            acc.pass2(frame.labels(b[0], b[1]), frame.raw(b[0], b[1]), b[0], b[1]);
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String name : plan.computed()) {
            double[] v = acc.feature(name);
            if (v != null) {
                values.put(name, v);
            }
        }
        List<String> hood = plan.neighborhoodFeatures();
        if (!hood.isEmpty() && plan.margin().length > 0 && count > 0) {
            values.putAll(perObject(count, pool, (first, last, out) -> NeighborhoodFeatures.compute(frame, acc, hood,
                    plan.margin(), first, last, out), hood, frame.channels()));
        }
        List<String> skeleton = plan.skeletonFeatures();
        if (!skeleton.isEmpty()) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String n : skeleton) {
                out.put(n, new double[(count + 1) * SkeletonFeatures.width(n)]);
            }
            if (count > 0) {
                out = perObject(count, pool, (first, last, o) -> SkeletonFeatures.compute(frame, acc, skeleton, first,
                        last, o), out);
            }
            values.putAll(out);
        }
        return new ObjectFeatures(count, values);
    }

    /** Computes objects {@code first..last} into {@code out}. */
    @FunctionalInterface
    private interface ObjectRange {
        void compute(int first, int last, Map<String, double[]> out);
    }

    private static Map<String, double[]> perObject(int count, ExecutorService pool, ObjectRange range,
            List<String> names, int channels) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, new double[(count + 1) * channels]);
        }
        return perObject(count, pool, range, out);
    }

    /** Runs {@code range} over objects 1..count (in chunks on {@code pool} when given); the arrays are shared. */
    private static Map<String, double[]> perObject(int count, ExecutorService pool, ObjectRange range,
            Map<String, double[]> out) {
        if (pool == null) {
            range.compute(1, count, out);
            return out;
        }
        int chunk = Math.max(1, count / 64);
        List<Future<?>> fs = new ArrayList<>();
        for (int first = 1; first <= count; first += chunk) {
            int f = first;
            int l = Math.min(count, first + chunk - 1);
            fs.add(pool.submit(() -> range.compute(f, l, out)));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * The feature-pass block shape {@code {z, y, x}} for a frame of extent {@code shape}: whole z-planes (whole
     * rows of a 2-D frame), as many as fit {@code bytes} (labels and raw intensities, at least one). Such slabs
     * keep every object's pixels in the frame's C order, so the features are bit-identical to one block.
     *
     * @param maxThickness at most this many planes (rows) per slab
     */
    public static int[] slabFor(int[] shape, int channels, long bytes, long maxThickness) {
        long perPixel = 4L + 8L * channels; // labels, raw float32, and the reader's block before conversion
        if (shape[0] > 1) {
            long plane = (long) shape[1] * shape[2] * perPixel;
            return new int[] {(int) Math.max(1, Math.min(Math.min(shape[0], maxThickness), bytes / plane)), shape[1],
                    shape[2]};
        }
        long row = (long) shape[2] * perPixel;
        return new int[] {1, (int) Math.max(1, Math.min(Math.min(shape[1], maxThickness), bytes / row)), shape[2]};
    }

    /** The blocks of a frame in raster order, each {@code {start, stop}} in {@code {z, y, x}}. */
    static List<int[][]> blocks(int[] shape, int[] block) {
        List<int[][]> out = new ArrayList<>();
        for (int z = 0; z < shape[0]; z += block[0]) {
            for (int y = 0; y < shape[1]; y += block[1]) {
                for (int x = 0; x < shape[2]; x += block[2]) {
                    out.add(new int[][] {{z, y, x}, {Math.min(shape[0], z + block[0]),
                            Math.min(shape[1], y + block[1]), Math.min(shape[2], x + block[2])}});
                }
            }
        }
        return out;
    }
}
