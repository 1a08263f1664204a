package org.jilastik.array;

import java.util.Objects;

/**
 * A dense n-D array of one {@link DType} covering a {@link Box} of a larger image, stored C-order in one
 * flat primitive array.
 *
 * <p>Storage per dtype: {@code bool, uint8, int8} in {@code byte[]}; {@code uint16, int16} in {@code short[]};
 * {@code uint32, int32} in {@code int[]}; {@code uint64, int64} in {@code long[]}; {@code float32} in
 * {@code float[]}; {@code float64} in {@code double[]}. Unsigned values are stored in the signed type of the
 * same width (read them with {@link #getDouble(int)} or mask them).
 *
 * <p>The block owns its array; {@link #data()} hands out the live array for hot loops, so callers that keep
 * it must not share the block across threads while writing. Not thread safe for concurrent writes.
 */
public final class Block {
    private final Axes axes;
    private final Box box;
    private final DType dtype;
    private final Object data;

    /**
     * Wraps {@code data} (not copied).
     *
     * @throws IllegalArgumentException if the array type or length does not match dtype and box
     */
    public Block(Axes axes, Box box, DType dtype, Object data) {
        this.axes = Objects.requireNonNull(axes);
        this.box = Objects.requireNonNull(box);
        this.dtype = Objects.requireNonNull(dtype);
        this.data = Objects.requireNonNull(data);
        if (axes.size() != box.ndim()) {
            throw new IllegalArgumentException("axes " + axes + " do not match box " + box);
        }
        if (!storageClass(dtype).isInstance(data)) {
            throw new IllegalArgumentException(dtype + " needs a " + storageClass(dtype).getSimpleName()
                    + ", got " + data.getClass().getSimpleName());
        }
        int n = java.lang.reflect.Array.getLength(data);
        if (n != box.numElements()) {
            throw new IllegalArgumentException("array of " + n + " elements for box " + box);
        }
    }

    /** A zero-filled block. */
    public static Block allocate(Axes axes, Box box, DType dtype) {
        return new Block(axes, box, dtype, newStorage(dtype, Math.toIntExact(box.numElements())));
    }

    /** A new zeroed primitive array suitable for {@code dtype}. */
    public static Object newStorage(DType dtype, int n) {
        return switch (dtype) {
            case BOOL, UINT8, INT8 -> new byte[n];
            case UINT16, INT16 -> new short[n];
            case UINT32, INT32 -> new int[n];
            case UINT64, INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /** The primitive array class that stores {@code dtype}. */
    public static Class<?> storageClass(DType dtype) {
        return switch (dtype) {
            case BOOL, UINT8, INT8 -> byte[].class;
            case UINT16, INT16 -> short[].class;
            case UINT32, INT32 -> int[].class;
            case UINT64, INT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
        };
    }

    public Axes axes() {
        return axes;
    }

    public Box box() {
        return box;
    }

    public DType dtype() {
        return dtype;
    }

    /** Extents of the block. */
    public int[] shape() {
        return box.intShape();
    }

    /** The live storage array (not a copy). */
    public Object data() {
        return data;
    }

    /** Number of elements. */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** C-order strides in elements. */
    public int[] strides() {
        return stridesOf(shape());
    }

    /** C-order strides in elements for {@code shape}. */
    public static int[] stridesOf(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc = Math.multiplyExact(acc, shape[i]);
        }
        return s;
    }

    /** Element {@code i} (flat C-order index) as a double, unsigned types read as unsigned. */
    public double getDouble(int i) {
        return switch (dtype) {
            case BOOL, INT8 -> ((byte[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xff;
            case INT16 -> ((short[]) data)[i];
            case UINT16 -> ((short[]) data)[i] & 0xffff;
            case INT32 -> ((int[]) data)[i];
            case UINT32 -> ((int[]) data)[i] & 0xffffffffL;
            case INT64 -> ((long[]) data)[i];
            case UINT64 -> unsignedLongToDouble(((long[]) data)[i]);
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
        };
    }

    /** All elements converted to float32 (a new array), unsigned types read as unsigned. */
    public float[] toFloats() {
        if (dtype == DType.FLOAT32) {
            return ((float[]) data).clone();
        }
        int n = size();
        float[] out = new float[n];
        switch (dtype) {
            case UINT8 -> {
                byte[] d = (byte[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = d[i] & 0xff;
                }
            }
            case UINT16 -> {
                short[] d = (short[]) data;
                for (int i = 0; i < n; i++) {
                    out[i] = d[i] & 0xffff;
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) getDouble(i);
                }
            }
        }
        return out;
    }

    private static double unsignedLongToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    @Override
    public String toString() {
        return "Block[" + dtype + " " + axes + " " + box + "]";
    }
}
