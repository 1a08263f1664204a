package org.jilastik.app;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.ImageSource;

/**
 * One pixel-wise workflow (Pixel Classification, Autocontext) planned for one lane image and one export source:
 * what {@link LaneExport} needs to plan the export and to compute any tile of it. Implementations are immutable
 * and {@link #compute} may run on many threads at once.
 */
interface LanePipeline {
    /** The source's display name ({@code {result_type}}). */
    String sourceName();

    /** The source's dtype before export conversion. */
    DType dtype();

    /** The source's channel count. */
    int channels();

    /** Low end of the source's data range, or null when unknown. */
    Number drangeLow();

    /** High end of the source's data range, or null when unknown. */
    Number drangeHigh();

    /** ilastik's {@code display_mode} attribute of the source, or null where ilastik writes none. */
    default String displayMode() {
        return "grayscale";
    }

    /** Block extents per pipeline axis (t 1, c whole, spatial from the memory budget). */
    long[] tileShape(long workingBytes, long maxEdge);

    /**
     * The source on {@code box} with all its channels.
     *
     * @param image the raw image in pipeline axes {@code (t)(z)yxc}
     * @param mask  the prediction mask in the same axes (one channel), or null
     * @param box   the region, pipeline axes; its channel extent is ignored
     */
    Block compute(ImageSource image, ImageSource mask, Box box);

    /**
     * Whether one block is best computed by all workers together ({@link #compute(ImageSource, ImageSource, Box,
     * java.util.concurrent.ExecutorService, int)}) rather than one block per worker: true where halos are large
     * relative to blocks (3-D filters), so that fewer, larger blocks recompute less border.
     */
    default boolean computesWithinBlock() {
        return false;
    }

    /**
     * Like {@link #compute(ImageSource, ImageSource, Box)}, spreading the work of this one block over {@code pool}
     * (not the pool the caller runs on); the same values.
     *
     * @param workers the pool's thread count
     */
    default Block compute(ImageSource image, ImageSource mask, Box box, java.util.concurrent.ExecutorService pool,
            int workers) {
        return compute(image, mask, box);
    }

    /**
     * Called once after the lane's export file is complete (Counting appends the lane's count to its CSV here).
     *
     * @param image    the raw image in pipeline axes, still open
     * @param nickname the lane's nickname ({@code {nickname}})
     */
    default void exported(ImageSource image, String nickname) {
    }

    /**
     * Plans a pixel-wise workflow for one lane image.
     */
    @FunctionalInterface
    interface Factory {
        /**
         * @param axes     pipeline axes of the raw image, channel last
         * @param shape    raw extents per axis
         * @param rawDtype the raw dtype
         * @param source   the export source as the request names it (canonical spelling), or null for the default
         */
        LanePipeline plan(Axes axes, long[] shape, DType rawDtype, String source);
    }
}
