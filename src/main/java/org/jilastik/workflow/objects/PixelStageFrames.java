package org.jilastik.workflow.objects;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.Transpose;
import org.jilastik.exec.TileGrid;
import org.jilastik.io.ImageSource;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;

/**
 * The pixel-classification stage of ilastik's "Object Classification (from pixel classification)" workflow: the
 * project's pixel features and pixel forest ({@link PixelPipeline}) give the probability maps that the threshold
 * step then segments, exactly as the prediction-map variant does with maps read from a file.
 *
 * <p>The pipeline computes in its plan axes ({@code (t)(z)yxc}, see {@code PipelineAxisOrder}); {@code image} is
 * the raw data in those axes. A frame's maps are computed tile by tile (tiles of {@code tileShape}, each read
 * with its feature halo, so the values do not depend on the tiling) and returned in the object workflow's layout,
 * flat {@code [z][y][x][class]}. Thread safe (reads only).
 */
public final class PixelStageFrames {
    private static final Axes CANONICAL = Axes.of("tzyxc");
    private final PixelPipeline pipeline;
    private final ImageSource image;
    private final long[] tileShape;

    /**
     * @param pipeline  the pixel stage planned for {@code image}
     * @param image     the raw data in the pipeline's plan axes
     * @param tileShape tile extents per plan axis ({@link PixelPipeline#tileShape})
     */
    public PixelStageFrames(PixelPipeline pipeline, ImageSource image, long[] tileShape) {
        this.pipeline = pipeline;
        this.image = image;
        this.tileShape = tileShape.clone();
    }

    /** The tile extents {@code {z, y, x}} the pixel stage was sized to (1 for an axis the data lacks). */
    public int[] spatialTile() {
        Axes axes = pipeline.plan().axes();
        int[] out = {1, 1, 1};
        for (int k = 0; k < 3; k++) {
            int i = axes.indexOf("zyx".charAt(k));
            if (i >= 0) {
                out[k] = (int) Math.min(Integer.MAX_VALUE, tileShape[i]);
            }
        }
        return out;
    }

    /** Working bytes per pixel of the pixel stage ({@link PixelPipeline#bytesPerPixel}). */
    public long bytesPerPixel() {
        return pipeline.bytesPerPixel();
    }

    /** Probability channels (pixel classes). */
    public int classes() {
        return pipeline.channels(PixelExportSource.PROBABILITIES);
    }

    /** The pixel probabilities of a box in plan axes (its channel extent is ignored), a block in plan axes. */
    public Block probabilities(Box box) {
        Axes axes = pipeline.plan().axes();
        int c = axes.indexOf('c');
        long[] s = box.start();
        long[] e = box.stop();
        s[c] = 0;
        e[c] = image.shape()[c];
        Box spatial = new Box(s, e);
        return pipeline.compute(PixelExportSource.PROBABILITIES, image.read(pipeline.plan().inputBox(spatial)),
                spatial, null);
    }

    /**
     * The probabilities of the box {@code start..stop} ({@code {z, y, x}}) of time frame {@code t}, flat
     * {@code [z][y][x][class]}, computed as one tile with its feature halo (the same values as any tiling).
     *
     * @param pool    threads that share the tile's features and forest, or null for the calling thread; not the
     *                pool the caller runs on
     * @param workers the pool's thread count
     */
    public float[] region(int t, int[] start, int[] stop, java.util.concurrent.ExecutorService pool, int workers) {
        Axes axes = pipeline.plan().axes();
        long[] s = new long[axes.size()];
        long[] e = new long[axes.size()];
        for (int i = 0; i < axes.size(); i++) {
            int k = "zyx".indexOf(axes.get(i));
            if (k >= 0) {
                s[i] = start[k];
                e[i] = stop[k];
            } else if (axes.get(i) == 't') {
                s[i] = t;
                e[i] = t + 1;
            } else {
                e[i] = image.shape()[i]; // c: the input's channels for the feature read
            }
        }
        Box spatial = new Box(s, e);
        Block p = pipeline.compute(PixelExportSource.PROBABILITIES, image.read(pipeline.plan().inputBox(spatial)),
                spatial, null, pool, workers);
        return (float[]) Transpose.to(p, CANONICAL, null).data();
    }

    /**
     * The probabilities of time frame {@code t}, flat {@code [z][y][x][class]}.
     *
     * @param shape frame extent {@code {z, y, x}}
     */
    public float[] frame(int t, int[] shape) {
        Axes axes = pipeline.plan().axes();
        long[] full = image.shape();
        long[] start = new long[axes.size()];
        long[] stop = full.clone();
        int ti = axes.indexOf('t');
        if (ti >= 0) {
            start[ti] = t;
            stop[ti] = t + 1;
        }
        int k = classes();
        float[] out = new float[Math.multiplyExact(shape[0] * shape[1] * shape[2], k)];
        for (Box tile : new TileGrid(new Box(start, stop), tileShape).tiles()) {
            Block canonical = Transpose.to(probabilities(tile), CANONICAL, null);
            float[] v = (float[]) canonical.data();
            Box b = canonical.box();
            int w = (int) b.size(3) * k;
            int o = 0;
            for (long z = b.start(1); z < b.stop(1); z++) {
                for (long y = b.start(2); y < b.stop(2); y++) {
                    System.arraycopy(v, o, out, (int) (((z * shape[1] + y) * shape[2] + b.start(3)) * k), w);
                    o += w;
                }
            }
        }
        return out;
    }
}
