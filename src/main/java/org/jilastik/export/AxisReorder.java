package org.jilastik.export;

import java.util.Arrays;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;

/**
 * Moves blocks from one axis order to another as vigra's {@code withAxes} does for ilastik's export: axes of
 * the target that the source lacks are inserted with extent 1, source axes that the target lacks are dropped
 * (they must have extent 1), the rest are permuted.
 *
 * <p>Layout: both blocks are dense C-order arrays. When the axes of extent > 1 keep their relative order the
 * flat data are identical and {@link #apply(Block)} shares the source array; otherwise it copies with an
 * odometer over the target positions, reading the source through its strides. Immutable, thread safe.
 */
public final class AxisReorder {
    private final Axes from;
    private final Axes to;
    private final int[] sourceAxisOf; // per target axis: index in `from`, or -1 when inserted

    /**
     * @param from      source axes
     * @param fromShape full source extents (to check that dropped axes are singletons)
     * @param to        target axes
     * @throws IllegalArgumentException if a dropped axis has extent > 1
     */
    public AxisReorder(Axes from, long[] fromShape, Axes to) {
        this.from = from;
        this.to = to;
        this.sourceAxisOf = new int[to.size()];
        for (int i = 0; i < to.size(); i++) {
            sourceAxisOf[i] = from.indexOf(to.get(i));
        }
        for (int i = 0; i < from.size(); i++) {
            if (!to.has(from.get(i)) && fromShape[i] != 1) {
                throw new IllegalArgumentException("axis " + from.get(i) + " of extent " + fromShape[i]
                        + " cannot be dropped");
            }
        }
    }

    public Axes source() {
        return from;
    }

    public Axes target() {
        return to;
    }

    /** Target extents for source extents {@code shape}. */
    public long[] targetShape(long[] shape) {
        long[] out = new long[to.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sourceAxisOf[i] < 0 ? 1 : shape[sourceAxisOf[i]];
        }
        return out;
    }

    /** The target box of a source box (inserted axes get {@code [0, 1)}, dropped axes are forgotten). */
    public Box toTarget(Box source) {
        long[] a = new long[to.size()];
        long[] b = new long[to.size()];
        for (int i = 0; i < a.length; i++) {
            int s = sourceAxisOf[i];
            a[i] = s < 0 ? 0 : source.start(s);
            b[i] = s < 0 ? 1 : source.stop(s);
        }
        return new Box(a, b);
    }

    /**
     * The source box of a target box; a dropped axis takes {@code [start, start + 1)} of the same axis in
     * {@code sourceBounds} (its only position).
     */
    public Box toSource(Box target, Box sourceBounds) {
        long[] a = new long[from.size()];
        long[] b = new long[from.size()];
        for (int j = 0; j < a.length; j++) {
            int t = to.indexOf(from.get(j));
            a[j] = t < 0 ? sourceBounds.start(j) : target.start(t);
            b[j] = t < 0 ? sourceBounds.start(j) + 1 : target.stop(t);
        }
        return new Box(a, b);
    }

    /** The block in target axes, at {@link #toTarget(Box)} of its box; shares the array when the order allows. */
    public Block apply(Block block) {
        if (!block.axes().equals(from)) {
            throw new IllegalArgumentException("block axes " + block.axes() + ", expected " + from);
        }
        Box box = toTarget(block.box());
        int[] srcShape = block.shape();
        if (keepsFlatOrder(srcShape)) {
            return new Block(to, box, block.dtype(), block.data());
        }
        int[] srcStrides = block.strides();
        int[] tShape = box.intShape();
        int[] tStrideInSource = new int[tShape.length];
        for (int i = 0; i < tShape.length; i++) {
            tStrideInSource[i] = sourceAxisOf[i] < 0 ? 0 : srcStrides[sourceAxisOf[i]];
        }
        Object dst = Block.newStorage(block.dtype(), block.size());
        permute(block.data(), dst, tShape, tStrideInSource);
        return new Block(to, box, block.dtype(), dst);
    }

    /** Whether the axes of extent > 1 appear in the same order in source and target. */
    private boolean keepsFlatOrder(int[] srcShape) {
        int last = -1;
        for (int i = 0; i < to.size(); i++) {
            int s = sourceAxisOf[i];
            if (s >= 0 && srcShape[s] > 1) {
                if (s < last) {
                    return false;
                }
                last = s;
            }
        }
        return true;
    }

    /** Copies {@code src} read through {@code strides} into dense C-order {@code dst} of {@code shape}. */
    private static void permute(Object src, Object dst, int[] shape, int[] strides) {
        int nd = shape.length;
        int inner = shape[nd - 1];
        int innerStride = strides[nd - 1];
        int[] idx = new int[nd];
        int total = java.lang.reflect.Array.getLength(dst);
        int srcPos = 0;
        for (int d = 0; d < total; d += inner) {
            copyRun(src, srcPos, innerStride, dst, d, inner);
            for (int k = nd - 2; k >= 0; k--) { // odometer over all but the innermost axis
                idx[k]++;
                srcPos += strides[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                srcPos -= strides[k] * shape[k];
                idx[k] = 0;
            }
        }
    }

    private static void copyRun(Object src, int from, int stride, Object dst, int to, int n) {
        if (stride == 1) {
            System.arraycopy(src, from, dst, to, n);
            return;
        }
        switch (dst) {
            case byte[] d -> {
                byte[] s = (byte[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            case short[] d -> {
                short[] s = (short[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            case int[] d -> {
                int[] s = (int[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            case long[] d -> {
                long[] s = (long[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            case float[] d -> {
                float[] s = (float[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            case double[] d -> {
                double[] s = (double[]) src;
                for (int i = 0; i < n; i++) {
                    d[to + i] = s[from + i * stride];
                }
            }
            default -> throw new IllegalArgumentException("not a primitive array");
        }
    }

    @Override
    public String toString() {
        return from + " → " + to + " " + Arrays.toString(sourceAxisOf);
    }
}
