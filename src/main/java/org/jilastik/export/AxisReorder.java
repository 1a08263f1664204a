package org.jilastik.export;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.Transpose;

/**
 * Moves blocks from one axis order to another as vigra's {@code withAxes} does for ilastik's export: axes of
 * the target that the source lacks are inserted with extent 1, source axes that the target lacks are dropped
 * (they must have extent 1), the rest are permuted.
 *
 * <p>Layout: both blocks are dense C-order arrays; {@link #apply(Block)} moves the data with
 * {@link Transpose}, which shares the source array when the axes of extent > 1 keep their relative order.
 * Immutable, thread safe.
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
        return Transpose.to(block, to, null);
    }
}
