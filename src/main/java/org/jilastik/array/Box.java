package org.jilastik.array;

import java.util.Arrays;

/**
 * A rectangular region of an n-D array: {@code start} inclusive, {@code stop} exclusive, one entry per
 * axis in the array's C-order.
 *
 * <p>Immutable and thread safe; the arrays passed in are copied and the accessors return copies.
 */
public final class Box {
    private final long[] start;
    private final long[] stop;

    /**
     * @throws IllegalArgumentException if the lengths differ or some {@code stop < start}
     */
    public Box(long[] start, long[] stop) {
        if (start.length != stop.length) {
            throw new IllegalArgumentException("start and stop have different lengths: "
                    + Arrays.toString(start) + " vs " + Arrays.toString(stop));
        }
        for (int i = 0; i < start.length; i++) {
            if (stop[i] < start[i]) {
                throw new IllegalArgumentException("stop < start on axis " + i + ": "
                        + Arrays.toString(start) + " .. " + Arrays.toString(stop));
            }
        }
        this.start = start.clone();
        this.stop = stop.clone();
    }

    /** The box {@code [0, shape)}. */
    public static Box ofShape(long... shape) {
        return new Box(new long[shape.length], shape);
    }

    /** The box {@code [0, shape)} for an int shape. */
    public static Box ofShape(int... shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return ofShape(s);
    }

    /** Number of axes. */
    public int ndim() {
        return start.length;
    }

    /** Start coordinates (copy). */
    public long[] start() {
        return start.clone();
    }

    /** Stop coordinates, exclusive (copy). */
    public long[] stop() {
        return stop.clone();
    }

    /** Start on axis {@code i}. */
    public long start(int i) {
        return start[i];
    }

    /** Stop on axis {@code i}, exclusive. */
    public long stop(int i) {
        return stop[i];
    }

    /** Extent on axis {@code i}. */
    public long size(int i) {
        return stop[i] - start[i];
    }

    /** Extents of all axes. */
    public long[] shape() {
        long[] s = new long[start.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = stop[i] - start[i];
        }
        return s;
    }

    /** Extents as ints; fails if one does not fit. */
    public int[] intShape() {
        int[] s = new int[start.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.toIntExact(stop[i] - start[i]);
        }
        return s;
    }

    /** Number of elements (product of the extents). */
    public long numElements() {
        long n = 1;
        for (int i = 0; i < start.length; i++) {
            n = Math.multiplyExact(n, stop[i] - start[i]);
        }
        return n;
    }

    /** Whether some axis has zero extent. */
    public boolean isEmpty() {
        for (int i = 0; i < start.length; i++) {
            if (stop[i] == start[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code other} lies entirely inside this box. */
    public boolean contains(Box other) {
        for (int i = 0; i < start.length; i++) {
            if (other.start[i] < start[i] || other.stop[i] > stop[i]) {
                return false;
            }
        }
        return true;
    }

    /** The overlap of both boxes (possibly empty, then start == stop on some axis). */
    public Box intersect(Box other) {
        long[] a = new long[start.length];
        long[] b = new long[start.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(start[i], other.start[i]);
            b[i] = Math.max(a[i], Math.min(stop[i], other.stop[i]));
        }
        return new Box(a, b);
    }

    /** This box grown by {@code halo[i]} on both sides of each axis, clipped to {@code bounds}. */
    public Box grow(long[] halo, Box bounds) {
        long[] a = new long[start.length];
        long[] b = new long[start.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(bounds.start[i], start[i] - halo[i]);
            b[i] = Math.min(bounds.stop[i], stop[i] + halo[i]);
        }
        return new Box(a, b);
    }

    /** This box moved by {@code -origin}: coordinates relative to a box starting at {@code origin}. */
    public Box relativeTo(long[] origin) {
        long[] a = new long[start.length];
        long[] b = new long[start.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = start[i] - origin[i];
            b[i] = stop[i] - origin[i];
        }
        return new Box(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(start, b.start) && Arrays.equals(stop, b.stop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(stop);
    }

    /** Python-slice style, e.g. {@code [0:10,5:20,0:1]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < start.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(start[i]).append(':').append(stop[i]);
        }
        return sb.append(']').toString();
    }
}
