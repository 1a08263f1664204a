package org.jilastik.app;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.error.JilastikException;
import org.jilastik.project.LabelBlock;

/**
 * Turns a label image (0 = unlabelled, 1..255 = class) into ilastik's stored label blocks (spec
 * pixel-classification §3.1): the image is cut into cells of {@value #CELL} pixels per spatial axis (one time point
 * per cell), each cell is cropped to the bounding box of its nonzero pixels, and empty cells are dropped. Blocks are
 * in the lane image order with a channel axis of extent 1. Stateless.
 */
final class LabelImages {
    /** Cell edge along each spatial axis. */
    static final int CELL = 256;

    private LabelImages() {
    }

    /**
     * The blocks of one label image.
     *
     * @param labels the label image in lane image order ({@code (t)(z)yxc}, one channel), whole
     * @param name   the image as the user named it (for messages)
     * @throws JilastikException (usage) when a value is not a whole number in 0..255
     */
    static List<LabelBlock> blocks(Block labels, String name) {
        Axes axes = labels.axes();
        int n = axes.size();
        int c = axes.indexOf('c');
        int[] shape = labels.shape();
        int[] strides = labels.strides();
        byte[] values = new byte[labels.size()];
        for (int i = 0; i < values.length; i++) {
            double v = labels.getDouble(i);
            if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                throw JilastikException.usage("label image " + name + " holds the value " + v + "; label images "
                        + "hold whole numbers 0 (unlabelled) to 255");
            }
            values[i] = (byte) (int) v;
        }
        int[] cell = new int[n];
        int[] cells = new int[n];
        for (int k = 0; k < n; k++) {
            cell[k] = axes.get(k) == 't' || k == c ? 1 : CELL;
            cells[k] = Math.ceilDiv(shape[k], cell[k]);
        }
        List<LabelBlock> out = new ArrayList<>();
        int[] ci = new int[n];
        while (true) {
            int[] lo = new int[n];
            int[] hi = new int[n];
            for (int k = 0; k < n; k++) {
                lo[k] = ci[k] * cell[k];
                hi[k] = Math.min(shape[k], lo[k] + cell[k]);
            }
            LabelBlock b = cropped(values, shape, strides, axes, lo, hi, out.size());
            if (b != null) {
                out.add(b);
            }
            int k = n - 1;
            while (k >= 0 && ++ci[k] >= cells[k]) {
                ci[k] = 0;
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        return out;
    }

    // The cell [lo, hi) cropped to its nonzero bounding box, or null when it holds no label.
    private static LabelBlock cropped(byte[] v, int[] shape, int[] strides, Axes axes, int[] lo, int[] hi, int index) {
        int n = shape.length;
        int[] min = hi.clone();
        int[] max = new int[n];
        boolean any = false;
        int[] idx = lo.clone();
        while (true) {
            int off = 0;
            for (int k = 0; k < n; k++) {
                off += idx[k] * strides[k];
            }
            if (v[off] != 0) {
                any = true;
                for (int k = 0; k < n; k++) {
                    min[k] = Math.min(min[k], idx[k]);
                    max[k] = Math.max(max[k], idx[k] + 1);
                }
            }
            int k = n - 1;
            while (k >= 0 && ++idx[k] >= hi[k]) {
                idx[k] = lo[k];
                k--;
            }
            if (k < 0) {
                break;
            }
        }
        if (!any) {
            return null;
        }
        long[] start = new long[n];
        long[] stop = new long[n];
        int size = 1;
        for (int k = 0; k < n; k++) {
            start[k] = min[k];
            stop[k] = max[k];
            size *= max[k] - min[k];
        }
        byte[] data = new byte[size];
        int[] j = min.clone();
        for (int p = 0; p < size; p++) {
            int off = 0;
            for (int k = 0; k < n; k++) {
                off += j[k] * strides[k];
            }
            data[p] = v[off];
            for (int k = n - 1; k >= 0; k--) {
                if (++j[k] < max[k]) {
                    break;
                }
                j[k] = min[k];
            }
        }
        return new LabelBlock("label block " + index, new Box(start, stop), axes, data);
    }
}
