package org.jilastik.features;

import org.jilastik.array.Axes;
import org.jilastik.array.Box;

/**
 * Where the pixels of an output box go in a feature output array: C-order {@code (t)(z)yx} with the channel
 * fastest. Immutable.
 */
final class Layout {
    private final long t0;
    private final int nt;
    private final Frame frame;

    Layout(FeaturePlan plan, Box box) {
        Axes axes = plan.axes();
        long[] shape = plan.imageShape();
        int ti = axes.indexOf('t');
        this.t0 = ti < 0 ? 0 : box.start(ti);
        this.nt = ti < 0 ? 1 : Math.toIntExact(box.size(ti));
        int[] start = new int[3];
        int[] size = {1, 0, 0};
        int[] image = {1, 0, 0};
        String spatial = "zyx";
        for (int a = 0; a < 3; a++) {
            int i = axes.indexOf(spatial.charAt(a));
            if (i >= 0) {
                start[a] = Math.toIntExact(box.start(i));
                size[a] = Math.toIntExact(box.size(i));
                image[a] = Math.toIntExact(shape[i]);
            }
        }
        this.frame = new Frame(start, size, image);
    }

    /** The spatial region. */
    Frame frame() {
        return frame;
    }

    /** Number of pixels (t included). */
    int pixels() {
        return Math.multiplyExact(nt, frame.numElements());
    }

    /** Index of time point {@code t} (image coordinate) within this box. */
    int timeIndex(long t) {
        return Math.toIntExact(t - t0);
    }

    /**
     * Writes the rows {@code [rowFrom, rowTo)} (row index {@code z·Y + y} within {@code part}) of one time point's
     * channel planes over {@code part} (inside this frame) into {@code out}, laid out for this box with the channel
     * fastest; channels whose plane is null are left as they are. Works in short runs of pixels so the writes stay
     * in cache. Disjoint row ranges write disjoint parts of {@code out}, so several threads may interleave
     * different ranges at once.
     */
    void interleave(float[][] planes, Frame part, long t, float[] out, int rowFrom, int rowTo) {
        int channels = planes.length;
        int ny = frame.size(Frame.Y);
        int nx = frame.size(Frame.X);
        int rowLen = part.size(Frame.X);
        int partRows = part.size(Frame.Y);
        int src = rowFrom * rowLen;
        int tBase = timeIndex(t) * frame.numElements();
        for (int row = rowFrom; row < rowTo; row++) {
            int z = part.start(Frame.Z) + row / partRows;
            int y = part.start(Frame.Y) + row % partRows;
            int pix = tBase + ((z - frame.start(Frame.Z)) * ny + (y - frame.start(Frame.Y))) * nx
                    + part.start(Frame.X) - frame.start(Frame.X);
            for (int x0 = 0; x0 < rowLen; x0 += RUN) {
                int len = Math.min(RUN, rowLen - x0);
                int o = (pix + x0) * channels;
                for (int ch = 0; ch < channels; ch++) {
                    float[] plane = planes[ch];
                    if (plane == null) {
                        continue;
                    }
                    int s = src + x0;
                    for (int i = 0; i < len; i++) {
                        out[o + i * channels + ch] = plane[s + i];
                    }
                }
            }
            src += rowLen;
        }
    }

    private static final int RUN = 64;
}
