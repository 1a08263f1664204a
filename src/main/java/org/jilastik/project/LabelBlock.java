package org.jilastik.project;

import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;

/**
 * One stored block of user labels: dense uint8 values (0 = unlabelled, v = class {@code v}) covering {@code box}.
 *
 * @param path HDF5 path of the block inside the {@code .ilp} (for messages)
 * @param box  the region of the lane image the block covers, in {@code axes} order
 * @param axes the C-order axes the block is stored in; null means "the lane image order", which only the opened
 *             raw data determines (projects whose blocks carry no {@code axistags} and whose version stores them
 *             in that order)
 * @param data the values, C-order over {@code box}, one byte per pixel (read as unsigned); owned by the block,
 *             treat as read-only
 */
public record LabelBlock(String path, Box box, Axes axes, byte[] data) {
    /**
     * This block in {@code target} axes (the lane image order): axes the block lacks are inserted with extent 1
     * at 0, singleton axes the target lacks are dropped, the data is transposed by axis key. Returns this block's
     * data unchanged when the order already matches.
     *
     * @throws JilastikException if the block has the wrong rank for its axes, or extent &gt; 1 along an axis
     *                           {@code target} lacks
     */
    public LabelBlock toAxes(Axes target) {
        Axes src = axes == null ? target : axes;
        if (src.size() != box.ndim()) {
            throw JilastikException.processing("label block " + path + " has " + box.ndim() + " axes " + box
                    + " but its axes are " + src + "; save the project again in ilastik");
        }
        if (src.equals(target)) {
            return axes == null ? new LabelBlock(path, box, target, data) : this;
        }
        int n = target.size();
        long[] start = new long[n];
        long[] stop = new long[n];
        int[] srcAxis = new int[n];
        for (int k = 0; k < n; k++) {
            srcAxis[k] = src.indexOf(target.get(k));
            start[k] = srcAxis[k] < 0 ? 0 : box.start(srcAxis[k]);
            stop[k] = srcAxis[k] < 0 ? 1 : box.stop(srcAxis[k]);
        }
        for (int i = 0; i < src.size(); i++) {
            if (!target.has(src.get(i)) && box.size(i) != 1) {
                throw JilastikException.processing("label block " + path + " extends over " + box.size(i)
                        + " pixels along axis " + src.get(i) + ", which the lane image (" + target
                        + ") lacks; check the project's input axes in ilastik");
            }
        }
        Box out = new Box(start, stop);
        return new LabelBlock(path, out, target, transpose(src, target, srcAxis, out));
    }

    /** Copies {@code data} into the order of {@code out} with an odometer over the target index space. */
    private byte[] transpose(Axes src, Axes target, int[] srcAxis, Box out) {
        int[] srcShape = box.intShape();
        int[] srcStrides = org.jilastik.array.Block.stridesOf(srcShape);
        int n = target.size();
        int[] shape = out.intShape();
        int[] step = new int[n];
        for (int k = 0; k < n; k++) {
            step[k] = srcAxis[k] < 0 ? 0 : srcStrides[srcAxis[k]];
        }
        byte[] result = new byte[data.length];
        int[] idx = new int[n];
        int srcOffset = 0;
        for (int flat = 0; flat < result.length; flat++) {
            result[flat] = data[srcOffset];
            for (int k = n - 1; k >= 0; k--) {
                idx[k]++;
                srcOffset += step[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                srcOffset -= step[k] * idx[k];
                idx[k] = 0;
            }
        }
        return result;
    }

    /** Largest label value in the block (0 if unlabelled). */
    public int maxValue() {
        int m = 0;
        for (byte b : data) {
            m = Math.max(m, b & 0xff);
        }
        return m;
    }
}
