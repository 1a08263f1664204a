package org.jilastik.io.zarr;

import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/**
 * The reduction from one pyramid level to the next: each output element summarises the {@code f_0 × f_1 × …}
 * input elements of its cell (factors 1 or 2 per axis), cells aligned to the origin (a trailing odd row is not
 * used, as the next level's extent is the floor of half the previous one).
 *
 * <ul>
 *   <li>{@link #MEAN}: the arithmetic mean in double precision, converted back to the element type (rounded half
 *       to even for integer types) — for intensities, probabilities, features.</li>
 *   <li>{@link #NEAREST}: the cell's first element (stride sampling) — for label images, so that no new label
 *       values appear.</li>
 * </ul>
 */
public enum Downsample {
    MEAN,
    NEAREST;

    /**
     * Reduces {@code src} (C-order, covering exactly {@code target} scaled by {@code factor}) to the block of
     * {@code target}.
     */
    public Block reduce(Block src, int[] factor, Box target) {
        int nd = target.ndim();
        DType dtype = src.dtype();
        int n = Math.toIntExact(target.numElements());
        Block out = Block.allocate(src.axes(), target, dtype);
        int[] srcStrides = src.strides();
        int[] tShape = target.intShape();
        // offsets of the cell's elements relative to its first element
        int cell = 1;
        for (int f : factor) {
            cell *= f;
        }
        int[] offsets = new int[cell];
        for (int k = 0; k < cell; k++) {
            int rem = k;
            int off = 0;
            for (int i = nd - 1; i >= 0; i--) {
                off += (rem % factor[i]) * srcStrides[i];
                rem /= factor[i];
            }
            offsets[k] = off;
        }
        int[] counter = new int[nd];
        int base = 0;
        Object data = src.data();
        for (int j = 0; j < n; j++) {
            if (this == NEAREST || cell == 1) {
                System.arraycopy(data, base, out.data(), j, 1);
            } else {
                double sum = 0;
                for (int off : offsets) {
                    sum += src.getDouble(base + off);
                }
                store(out.data(), dtype, j, sum / cell);
            }
            for (int i = nd - 1; i >= 0; i--) {
                counter[i]++;
                base += factor[i] * srcStrides[i];
                if (counter[i] < tShape[i]) {
                    break;
                }
                base -= factor[i] * srcStrides[i] * tShape[i];
                counter[i] = 0;
            }
        }
        return out;
    }

    private static void store(Object a, DType dtype, int i, double v) {
        if (!dtype.isFloating()) {
            v = Math.rint(v);
        }
        switch (dtype) {
            case BOOL, UINT8, INT8 -> ((byte[]) a)[i] = (byte) (long) v;
            case UINT16, INT16 -> ((short[]) a)[i] = (short) (long) v;
            case UINT32, INT32 -> ((int[]) a)[i] = (int) (long) v;
            case INT64 -> ((long[]) a)[i] = (long) v;
            case UINT64 -> ((long[]) a)[i] = v >= 0x1p63 ? (long) (v - 0x1p63) ^ Long.MIN_VALUE : (long) v;
            case FLOAT32 -> ((float[]) a)[i] = (float) v;
            case FLOAT64 -> ((double[]) a)[i] = v;
        }
    }
}
