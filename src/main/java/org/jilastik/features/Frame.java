package org.jilastik.features;

import java.util.Arrays;

/**
 * A spatial region of one image plane stack, in image coordinates, that a flat float array covers.
 *
 * <p>Always three axes in C-order {@code z, y, x} (a 2-D image has z extent 1). {@code start[a]} is the image
 * coordinate of the array's first element along axis a, {@code size[a]} the extent, {@code image[a]} the full
 * image extent (used to decide where the true image borders are: mirroring happens only there). The array
 * layout is C-order: index = (z·sizeY + y)·sizeX + x with local coordinates.
 *
 * <p>Immutable and thread safe.
 */
public final class Frame {
    /** Axis index of z in {@link #start()} etc. */
    public static final int Z = 0;
    /** Axis index of y. */
    public static final int Y = 1;
    /** Axis index of x. */
    public static final int X = 2;

    private final int[] start;
    private final int[] size;
    private final int[] image;

    /**
     * @param start image coordinates of the first element (z, y, x)
     * @param size  extents (z, y, x), each ≥ 0
     * @param image full image extents (z, y, x); the region must lie inside
     */
    public Frame(int[] start, int[] size, int[] image) {
        if (start.length != 3 || size.length != 3 || image.length != 3) {
            throw new IllegalArgumentException("a frame has exactly 3 axes (z, y, x)");
        }
        for (int a = 0; a < 3; a++) {
            if (start[a] < 0 || size[a] < 0 || start[a] + size[a] > image[a]) {
                throw new IllegalArgumentException("region " + Arrays.toString(start) + "+" + Arrays.toString(size)
                        + " is not inside image " + Arrays.toString(image));
            }
        }
        this.start = start.clone();
        this.size = size.clone();
        this.image = image.clone();
    }

    /** Start (image coordinate) on axis a. */
    public int start(int a) {
        return start[a];
    }

    /** Extent on axis a. */
    public int size(int a) {
        return size[a];
    }

    /** Exclusive stop (image coordinate) on axis a. */
    public int stop(int a) {
        return start[a] + size[a];
    }

    /** Full image extent on axis a. */
    public int image(int a) {
        return image[a];
    }

    /** Number of elements. */
    public int numElements() {
        return Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]);
    }

    /** This region grown by {@code r[a]} pixels on both sides of each axis a, clipped to the image. */
    public Frame grow(int[] r) {
        int[] s = new int[3];
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            s[a] = Math.max(0, start[a] - r[a]);
            n[a] = Math.min(image[a], start[a] + size[a] + r[a]) - s[a];
        }
        return new Frame(s, n, image);
    }

    /** This region grown by {@code r} pixels along axis a only, clipped to the image. */
    public Frame grow(int a, int r) {
        int[] rr = new int[3];
        rr[a] = r;
        return grow(rr);
    }

    /** Whether {@code other} lies inside this region. */
    public boolean contains(Frame other) {
        for (int a = 0; a < 3; a++) {
            if (other.start[a] < start[a] || other.stop(a) > stop(a)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && Arrays.equals(start, f.start) && Arrays.equals(size, f.size)
                && Arrays.equals(image, f.image);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) * 31 + Arrays.hashCode(size);
    }

    @Override
    public String toString() {
        return "Frame[z " + start[0] + ":" + stop(0) + ", y " + start[1] + ":" + stop(1) + ", x " + start[2] + ":"
                + stop(2) + " of " + Arrays.toString(image) + "]";
    }
}
