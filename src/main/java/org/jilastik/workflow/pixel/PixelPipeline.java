package org.jilastik.workflow.pixel;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.exec.Tasks;
import org.jilastik.exec.TileSizer;
import org.jilastik.features.FeatureComputer;
import org.jilastik.features.FeaturePlan;
import org.jilastik.forest.ProbabilityMaps;

/**
 * Computes a Pixel Classification export source for one block: raw pixels (+ halo) → features → forest →
 * probabilities → segmentation or uncertainty, without materialising anything beyond the block.
 *
 * <p>Blocks are in the pipeline axis order of the plan ({@code (t)(z)yxc}, channel last). Features and
 * probabilities are pixel-major flat float arrays (pixel i's channels contiguous), which is the export layout
 * too, so no transposition happens here. Immutable; {@link #compute} may run on many threads at once.
 */
public final class PixelPipeline {
    private final TrainedStage stage;
    private final FeaturePlan plan;
    private final FeatureComputer features;

    /**
     * @param stage the trained classifier
     * @param plan  the features planned for the image being processed
     */
    public PixelPipeline(TrainedStage stage, FeaturePlan plan) {
        this.stage = stage;
        this.plan = plan;
        this.features = new FeatureComputer(plan);
        if (plan.channelCount() != stage.predictor().featureCount()) {
            throw org.jilastik.error.JilastikException.processing("the project's classifier expects "
                    + stage.predictor().featureCount() + " feature channels but its feature selection gives "
                    + plan.channelCount() + " for this " + plan.inputChannels() + "-channel image; the input must "
                    + "have as many channels as the training images");
        }
    }

    /** The feature plan (axes, halo, channel names). */
    public FeaturePlan plan() {
        return plan;
    }

    /** Channels the source has. */
    public int channels(PixelExportSource source) {
        return switch (source) {
            case PROBABILITIES -> stage.classCount();
            case SIMPLE_SEGMENTATION, UNCERTAINTY, LABELS -> 1;
            case FEATURES -> plan.channelCount();
        };
    }

    /** Working bytes per output pixel of a block (inputs, features, scratch, probabilities), for tile sizing. */
    public long bytesPerPixel() {
        return 4L * (plan.channelCount() + 2L * stage.classCount() + 4L * plan.inputChannels()) + 64L;
    }

    /**
     * The extents of the blocks to compute, one per plan axis: {@code t} 1, {@code c} whole, the spatial axes as
     * large as one worker's memory allows for the block grown by its halo (see {@link TileSizer}), and besides
     * small enough that a block's intermediates stay in the lower cache levels in 2-D (at most 512 pixels per
     * edge, one block per worker); in 3-D, where the halo is paid on every face and all workers share one block,
     * at least 128 pixels or three halos per edge, so that recomputing borders stays small.
     *
     * @param workingBytes bytes one worker may use for one block
     * @param maxEdge      an upper bound for every spatial edge ({@code Long.MAX_VALUE} for none)
     */
    public long[] tileShape(long workingBytes, long maxEdge) {
        return tileShape(plan.axes(), plan.imageShape(), plan.halo(), bytesPerPixel(), workingBytes, maxEdge);
    }

    /**
     * The tile rule of {@link #tileShape(long, long)} for any pipeline that grows a block by {@code halo} and
     * needs {@code bytesPerPixel} working bytes per pixel of the grown block (Autocontext passes the halo of all
     * its stages together).
     *
     * @param axes         pipeline axes {@code (t)(z)yxc}
     * @param imageShape   image extents, one per axis
     * @param halo         halo per axis (0 on t and c)
     * @param bytesPerPixel working bytes per pixel of the grown block
     * @param workingBytes bytes one worker may use for one block
     * @param maxEdge      an upper bound for every spatial edge ({@code Long.MAX_VALUE} for none)
     * @return the block extents per axis
     * @throws org.jilastik.error.JilastikException (processing) when even the smallest block does not fit
     *                                              {@code workingBytes} (see {@link TileSizer#requireFits})
     */
    public static long[] tileShape(Axes axes, long[] imageShape, long[] halo, long bytesPerPixel, long workingBytes,
            long maxEdge) {
        int[] spatial = java.util.stream.IntStream.range(0, axes.size())
                .filter(i -> "zyx".indexOf(axes.get(i)) >= 0).toArray();
        long[] spatialShape = new long[spatial.length];
        long[] spatialHalo = new long[spatial.length];
        long maxHalo = 0;
        for (int k = 0; k < spatial.length; k++) {
            spatialShape[k] = imageShape[spatial[k]];
            spatialHalo[k] = halo[spatial[k]];
            maxHalo = Math.max(maxHalo, spatialHalo[k]);
        }
        long edgeCap = spatial.length <= 2 ? 512 : Math.max(128, 3 * maxHalo);
        long[] capped = new long[spatial.length];
        for (int k = 0; k < spatial.length; k++) {
            capped[k] = Math.min(spatialShape[k], edgeCap);
        }
        long capBytes = TileSizer.bytes(spatialShape, capped, spatialHalo, bytesPerPixel);
        long[] spatialTile = TileSizer.choose(spatialShape, spatialHalo, bytesPerPixel,
                Math.min(workingBytes, capBytes), 64);
        TileSizer.requireFits(spatialShape, spatialTile, spatialHalo, bytesPerPixel, workingBytes);
        long[] tile = new long[axes.size()];
        java.util.Arrays.fill(tile, 1);
        tile[axes.indexOf('c')] = imageShape[axes.indexOf('c')];
        for (int k = 0; k < spatial.length; k++) {
            tile[spatial[k]] = Math.min(spatialTile[k], maxEdge);
        }
        return tile;
    }

    /**
     * Computes {@code source} on {@code outBox}.
     *
     * @param input  image block in plan axes covering {@code plan.inputBox(outBox)}
     * @param outBox the region to compute, plan axes (its channel extent is ignored)
     * @param mask   prediction mask in plan axes covering {@code outBox} (nonzero = predict), or null for none
     * @return a block with plan axes over {@code outBox} with the source's channels
     */
    public Block compute(PixelExportSource source, Block input, Box outBox, Block mask) {
        return compute(source, input, outBox, mask, null, 1);
    }

    /**
     * Computes {@code source} on {@code outBox} with the work of this one block spread over {@code pool}: the
     * (channel, scale) feature computations and slices of the pixels for the forest run as tasks. Used where
     * blocks are few and large (3-D images, whose halos make splitting into more blocks expensive); the result
     * is identical to {@link #compute(PixelExportSource, Block, Box, Block)}.
     *
     * @param pool    threads for the tasks, or {@code null} to compute on the calling thread; must not be the
     *                pool the caller itself runs on (the caller waits for the tasks)
     * @param workers the pool's thread count (the forest's pixels are cut into that many slices)
     */
    public Block compute(PixelExportSource source, Block input, Box outBox, Block mask,
            java.util.concurrent.ExecutorService pool, int workers) {
        Axes axes = plan.axes();
        int c = axes.indexOf('c');
        long[] start = outBox.start();
        long[] stop = outBox.stop();
        start[c] = 0;
        stop[c] = channels(source);
        Box box = new Box(start, stop);
        int pixels = Math.toIntExact(box.numElements() / stop[c]);
        if (source == PixelExportSource.LABELS) {
            // Batch inputs carry no labels: ilastik exports an all-zero label image for them.
            return Block.allocate(axes, box, DType.UINT8);
        }
        if (source == PixelExportSource.FEATURES) {
            float[] f = uninterrupted(() -> features.computeParallel(input, outBox, pool, workers));
            return new Block(axes, box, DType.FLOAT32, f);
        }
        // the forest reads the features as channel planes: no channel-last copy to interleave and transpose back
        float[][] planes = uninterrupted(() -> features.computePlanes(input, outBox, pool));
        float[] p = predict(planes, pixels, pool, workers);
        if (mask != null) {
            applyMask(p, stage.classCount(), mask);
        }
        return switch (source) {
            case PROBABILITIES -> new Block(axes, box, DType.FLOAT32, p);
            case SIMPLE_SEGMENTATION -> new Block(axes, box, DType.UINT8,
                    ProbabilityMaps.simpleSegmentation(p, stage.classCount()));
            case UNCERTAINTY -> new Block(axes, box, DType.FLOAT32,
                    ProbabilityMaps.uncertainty(p, stage.classCount()));
            default -> throw new IllegalStateException(source.name());
        };
    }

    /** A feature computation that may wait for the pool's workers (and so be interrupted). */
    private interface FeatureCall<T> {
        T call() throws InterruptedException;
    }

    // The feature computers run in this thread (pool == null) or on the pool; an interruption while waiting for it
    // ends the run with one sentence.
    private static <T> T uninterrupted(FeatureCall<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw org.jilastik.error.JilastikException.processing("the computation was interrupted", e);
        }
    }

    // Pixels are independent: slices of whole 32-pixel groups give the same values as one call.
    private float[] predict(float[][] planes, int pixels, java.util.concurrent.ExecutorService pool, int workers) {
        var forest = stage.predictor();
        float[] p = new float[Math.multiplyExact(pixels, forest.channelCount())];
        if (pool == null) {
            forest.predictPlanes(planes, 0, pixels, p, 0);
            return p;
        }
        int slices = Math.max(1, Math.min(4 * workers, pixels / 8192));
        int step = Math.ceilDiv(Math.ceilDiv(pixels, slices), 32) * 32;
        java.util.List<java.util.concurrent.Future<?>> parts = new java.util.ArrayList<>();
        for (int start = 0; start < pixels; start += step) {
            int from = start;
            int n = Math.min(step, pixels - start);
            parts.add(pool.submit(() -> forest.predictPlanes(planes, from, n, p, from * forest.channelCount())));
        }
        Tasks.awaitAll(parts, "computation");
        return p;
    }

    // Pixels outside the mask get all-zero probabilities (ilastik's masked prediction, spec §5).
    private static void applyMask(float[] p, int classes, Block mask) {
        int n = p.length / classes;
        for (int i = 0; i < n; i++) {
            if (mask.getDouble(i) == 0) {
                java.util.Arrays.fill(p, i * classes, (i + 1) * classes, 0f);
            }
        }
    }
}
