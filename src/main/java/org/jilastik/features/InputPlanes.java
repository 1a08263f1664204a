package org.jilastik.features;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;

/**
 * Reads one (time point, channel) of an input block as a float32 array over the block's spatial region,
 * converting the dtype as ilastik does (plain cast; unsigned types read as unsigned). Not thread safe by itself
 * (used by one call of {@link FeatureComputer}).
 */
final class InputPlanes {
    private final Block block;
    private final Frame frame;
    private final long t0;
    private final int channels;

    InputPlanes(Block block, FeaturePlan plan) {
        this.block = block;
        Axes axes = block.axes();
        long[] shape = plan.imageShape();
        int[] start = new int[3];
        int[] size = {1, 0, 0};
        int[] image = {1, 0, 0};
        String spatial = "zyx";
        for (int a = 0; a < 3; a++) {
            int i = axes.indexOf(spatial.charAt(a));
            if (i >= 0) {
                start[a] = Math.toIntExact(block.box().start(i));
                size[a] = Math.toIntExact(block.box().size(i));
                image[a] = Math.toIntExact(shape[i]);
            }
        }
        this.frame = new Frame(start, size, image);
        int ti = axes.indexOf('t');
        this.t0 = ti < 0 ? 0 : block.box().start(ti);
        int ci = axes.indexOf('c');
        this.channels = ci < 0 ? 1 : Math.toIntExact(block.box().size(ci));
        if (ci >= 0 && block.box().start(ci) != 0) {
            throw new IllegalArgumentException("the input block must hold all channels, got " + block.box());
        }
    }

    /** The block's spatial region. */
    Frame frame() {
        return frame;
    }

    /** Channel {@code c} at time point {@code t} (image coordinate) as a new float32 array over {@link #frame()}. */
    float[] plane(long t, int c) {
        int n = frame.numElements();
        float[] out = new float[n];
        int off = Math.toIntExact((t - t0) * n * channels) + c;
        int st = channels;
        switch (block.dtype()) {
            case UINT8 -> {
                byte[] d = (byte[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st] & 0xff;
                }
            }
            case BOOL, INT8 -> {
                byte[] d = (byte[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st];
                }
            }
            case UINT16 -> {
                short[] d = (short[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st] & 0xffff;
                }
            }
            case INT16 -> {
                short[] d = (short[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st];
                }
            }
            case UINT32 -> {
                int[] d = (int[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st] & 0xffffffffL;
                }
            }
            case INT32 -> {
                int[] d = (int[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st];
                }
            }
            case INT64 -> {
                long[] d = (long[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st];
                }
            }
            case UINT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) block.getDouble(off + i * st);
                }
            }
            case FLOAT32 -> {
                float[] d = (float[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = d[off + i * st];
                }
            }
            case FLOAT64 -> {
                double[] d = (double[]) block.data();
                for (int i = 0; i < n; i++) {
                    out[i] = (float) d[off + i * st];
                }
            }
        }
        return out;
    }
}
