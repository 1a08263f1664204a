package org.jilastik.project.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numpy array read from a pickle: dtype, shape and the raw element bytes, in C order (or Fortran order when
 * {@link #fortran()}). Element accessors take the flat index in storage order. Immutable (do not modify the
 * returned byte array), thread safe.
 *
 * @param dtype   element type
 * @param shape   extents per axis
 * @param fortran whether the bytes are in Fortran (column-major) order
 * @param data    the raw bytes, {@code size() * dtype.itemSize()} of them
 */
public record NdArray(NumpyDtype dtype, long[] shape, boolean fortran, byte[] data) {

    /** Number of elements. */
    public int size() {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return Math.toIntExact(n);
    }

    /** Element {@code i} of a plain numeric array as a double. */
    public double getDouble(int i) {
        return number(dtype, (long) i * dtype.itemSize()).doubleValue();
    }

    /** Element {@code i} of a plain integer array as a long. */
    public long getLong(int i) {
        return number(dtype, (long) i * dtype.itemSize()).longValue();
    }

    /** Field {@code name} of record {@code i}, as a double. */
    public double doubleField(int i, String name) {
        NumpyDtype.Field f = field(name);
        return number(f.dtype(), (long) i * dtype.itemSize() + f.offset()).doubleValue();
    }

    /** Field {@code name} of record {@code i}, as a long. */
    public long longField(int i, String name) {
        NumpyDtype.Field f = field(name);
        return number(f.dtype(), (long) i * dtype.itemSize() + f.offset()).longValue();
    }

    /** Whether the record dtype has field {@code name}. */
    public boolean hasField(String name) {
        return dtype.fields().containsKey(name);
    }

    /** All elements of a plain numeric array as doubles, in storage order. */
    public double[] toDoubles() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    private NumpyDtype.Field field(String name) {
        NumpyDtype.Field f = dtype.fields().get(name);
        if (f == null) {
            throw new IllegalStateException("the record array has no field " + name);
        }
        return f;
    }

    private Number number(NumpyDtype t, long byteOffset) {
        int at = Math.toIntExact(byteOffset);
        ByteBuffer b = ByteBuffer.wrap(data, at, t.itemSize())
                .order(t.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return switch (t.kind()) {
            case 'f' -> switch (t.itemSize()) {
                case 4 -> b.getFloat(at);
                case 8 -> b.getDouble(at);
                default -> throw new IllegalStateException("a float" + 8 * t.itemSize() + " array");
            };
            case 'i' -> switch (t.itemSize()) {
                case 1 -> (long) data[at];
                case 2 -> (long) b.getShort(at);
                case 4 -> (long) b.getInt(at);
                case 8 -> b.getLong(at);
                default -> throw new IllegalStateException("an int" + 8 * t.itemSize() + " array");
            };
            case 'u', 'b' -> switch (t.itemSize()) {
                case 1 -> (long) (data[at] & 0xff);
                case 2 -> (long) (b.getShort(at) & 0xffff);
                case 4 -> Integer.toUnsignedLong(b.getInt(at));
                case 8 -> b.getLong(at);
                default -> throw new IllegalStateException("a uint" + 8 * t.itemSize() + " array");
            };
            default -> throw new IllegalStateException("an array of dtype " + t.code() + " read as numbers");
        };
    }
}
