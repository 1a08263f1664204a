package org.jilastik.workflow.counting;

import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.features.FeatureComputer;
import org.jilastik.features.FeaturePlan;
import org.jilastik.workflow.pixel.PixelPipeline;

/**
 * Computes the Cell Density Counting density for one block: raw pixels (+ halo) → Pixel Classification's features
 * → the stored regressors → one float32 density channel, nothing materialised beyond the block. Blocks are in the
 * plan's axes ({@code yxc} or {@code xyc}, channel last); features are pixel-major. Immutable; {@link #compute} may
 * run on many threads at once.
 */
public final class CountingPipeline {
    private final CountingModel model;
    private final FeaturePlan plan;
    private final FeatureComputer features;

    /**
     * @param model the stored regressors
     * @param plan  the features planned for the image being processed
     * @throws JilastikException (processing) if the regressors expect another number of features
     */
    public CountingPipeline(CountingModel model, FeaturePlan plan) {
        this.model = model;
        this.plan = plan;
        this.features = new FeatureComputer(plan);
        int expected = model.featureCount();
        if (expected >= 0 && expected != plan.channelCount()) {
            throw JilastikException.processing("the project's counting regressor expects " + expected
                    + " feature channels but its feature selection gives " + plan.channelCount() + " for this "
                    + plan.inputChannels() + "-channel image; the input must have as many channels as the training"
                    + " images");
        }
    }

    /** The feature plan (axes, halo). */
    public FeaturePlan plan() {
        return plan;
    }

    /** Working bytes per pixel of a block (inputs, features, scratch, density), for tile sizing. */
    public long bytesPerPixel() {
        return 4L * (plan.channelCount() + 2L + 4L * plan.inputChannels()) + 64L;
    }

    /**
     * Block extents per plan axis, by Pixel Classification's rule ({@link PixelPipeline#tileShape(
     * org.jilastik.array.Axes, long[], long[], long, long, long)}).
     */
    public long[] tileShape(long workingBytes, long maxEdge) {
        return PixelPipeline.tileShape(plan.axes(), plan.imageShape(), plan.halo(), bytesPerPixel(), workingBytes,
                maxEdge);
    }

    /**
     * The density on {@code outBox}.
     *
     * @param input  image block in plan axes covering {@code plan.inputBox(outBox)}
     * @param outBox the region, plan axes (its channel extent is ignored)
     * @return a float32 block with plan axes over {@code outBox} and one channel
     */
    public Block compute(Block input, Box outBox) {
        int c = plan.axes().indexOf('c');
        long[] start = outBox.start();
        long[] stop = outBox.stop();
        start[c] = 0;
        stop[c] = 1;
        Box box = new Box(start, stop);
        int pixels = Math.toIntExact(box.numElements());
        float[] f = features.compute(input, outBox);
        return new Block(plan.axes(), box, DType.FLOAT32, model.density(f, plan.channelCount(), pixels));
    }
}
