package org.jilastik.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * Helpers shared by the readers: box validation, copying a region between two C-order flat arrays, and turning
 * raw bytes into the primitive storage of a {@link DType}. Stateless, thread safe.
 */
public final class Regions {
    private Regions() {
    }

    /**
     * Checks that {@code box} has the source's rank and lies inside its bounds.
     *
     * @throws IllegalArgumentException naming the box and the shape
     */
    public static void requireInside(ImageSource source, Box box) {
        long[] shape = source.shape();
        if (box.ndim() != shape.length || !Box.ofShape(shape).contains(box)) {
            throw new IllegalArgumentException("box " + box + " is not inside " + source.axes() + " shape "
                    + Arrays.toString(shape) + " of " + source.describe());
        }
    }

    /**
     * Copies the elements of {@code region} (absolute coordinates) from {@code src} to {@code dst}. Both are
     * C-order flat arrays of the same primitive type covering the boxes {@code srcBox} and {@code dstBox};
     * {@code region} must lie inside both. The innermost axis is copied with {@link System#arraycopy}.
     */
    public static void copy(Object src, Box srcBox, Object dst, Box dstBox, Box region) {
        int nd = region.ndim();
        if (region.isEmpty()) {
            return;
        }
        if (nd == 0) {
            System.arraycopy(src, 0, dst, 0, 1);
            return;
        }
        int[] srcStrides = stridesOf(srcBox);
        int[] dstStrides = stridesOf(dstBox);
        int run = Math.toIntExact(region.size(nd - 1));
        int[] counter = new int[nd - 1];
        int[] extent = new int[nd - 1];
        long srcPos = 0;
        long dstPos = 0;
        for (int i = 0; i < nd; i++) {
            srcPos += (region.start(i) - srcBox.start(i)) * srcStrides[i];
            dstPos += (region.start(i) - dstBox.start(i)) * dstStrides[i];
            if (i < nd - 1) {
                extent[i] = Math.toIntExact(region.size(i));
            }
        }
        int s = (int) srcPos;
        int d = (int) dstPos;
        while (true) {
            System.arraycopy(src, s, dst, d, run);
            int k = nd - 2;
            while (k >= 0) {
                counter[k]++;
                s += srcStrides[k];
                d += dstStrides[k];
                if (counter[k] < extent[k]) {
                    break;
                }
                s -= srcStrides[k] * extent[k];
                d -= dstStrides[k] * extent[k];
                counter[k] = 0;
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }

    /** C-order strides (in elements) of a box's extents. */
    static int[] stridesOf(Box box) {
        int[] s = new int[box.ndim()];
        long acc = 1;
        for (int i = box.ndim() - 1; i >= 0; i--) {
            s[i] = Math.toIntExact(acc);
            acc *= box.size(i);
        }
        return s;
    }

    /**
     * Decodes {@code n} elements of {@code dtype} from {@code buf} (from its position, in its byte order) into a
     * new primitive array as {@link org.jilastik.array.Block} stores them. The buffer's position is advanced.
     */
    public static Object decode(ByteBuffer buf, DType dtype, int n) {
        Object out = org.jilastik.array.Block.newStorage(dtype, n);
        switch (dtype) {
            case BOOL, UINT8, INT8 -> buf.get((byte[]) out);
            case UINT16, INT16 -> {
                buf.asShortBuffer().get((short[]) out);
                buf.position(buf.position() + 2 * n);
            }
            case UINT32, INT32 -> {
                buf.asIntBuffer().get((int[]) out);
                buf.position(buf.position() + 4 * n);
            }
            case UINT64, INT64 -> {
                buf.asLongBuffer().get((long[]) out);
                buf.position(buf.position() + 8 * n);
            }
            case FLOAT32 -> {
                buf.asFloatBuffer().get((float[]) out);
                buf.position(buf.position() + 4 * n);
            }
            case FLOAT64 -> {
                buf.asDoubleBuffer().get((double[]) out);
                buf.position(buf.position() + 8 * n);
            }
        }
        return out;
    }

    /** Fills {@code storage} (a primitive array of {@code dtype}) with {@code value} converted to the type. */
    public static void fill(Object storage, DType dtype, double value) {
        if (value == 0) {
            return; // new arrays are already zero
        }
        switch (dtype) {
            case BOOL, UINT8, INT8 -> Arrays.fill((byte[]) storage, (byte) (long) value);
            case UINT16, INT16 -> Arrays.fill((short[]) storage, (short) (long) value);
            case UINT32, INT32 -> Arrays.fill((int[]) storage, (int) (long) value);
            case UINT64, INT64 -> Arrays.fill((long[]) storage, (long) value);
            case FLOAT32 -> Arrays.fill((float[]) storage, (float) value);
            case FLOAT64 -> Arrays.fill((double[]) storage, value);
        }
    }

    /** The grid of chunk indices that {@code box} touches for chunks of shape {@code chunk}: [first, last]. */
    static long[][] chunkRange(Box box, int[] chunk) {
        long[] first = new long[box.ndim()];
        long[] last = new long[box.ndim()];
        for (int i = 0; i < first.length; i++) {
            first[i] = box.start(i) / chunk[i];
            last[i] = box.isEmpty() ? first[i] - 1 : (box.stop(i) - 1) / chunk[i];
        }
        return new long[][] {first, last};
    }
}
