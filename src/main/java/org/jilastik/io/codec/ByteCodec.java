package org.jilastik.io.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jilastik.array.DType;

/**
 * Turns the flat primitive storage of a {@link org.jilastik.array.Block} (C-order) into raw element bytes in a
 * chosen byte order, as chunked formats store them (N5: big-endian, Zarr and npy: little-endian). Stateless, thread
 * safe.
 */
public final class ByteCodec {
    private ByteCodec() {
    }

    /** Elements {@code [from, from + n)} of {@code data} (storage of {@code dtype}) as bytes in {@code order}. */
    public static byte[] toBytes(Object data, DType dtype, int from, int n, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(n, dtype.byteSize())).order(order);
        put(b, data, from, n);
        return b.array();
    }

    /** Writes elements {@code [from, from + n)} of {@code data} at the buffer's position, advancing it. */
    public static void put(ByteBuffer b, Object data, int from, int n) {
        int pos = b.position();
        switch (data) {
            case byte[] a -> b.put(a, from, n);
            case short[] a -> {
                b.asShortBuffer().put(a, from, n);
                b.position(pos + 2 * n);
            }
            case int[] a -> {
                b.asIntBuffer().put(a, from, n);
                b.position(pos + 4 * n);
            }
            case long[] a -> {
                b.asLongBuffer().put(a, from, n);
                b.position(pos + 8 * n);
            }
            case float[] a -> {
                b.asFloatBuffer().put(a, from, n);
                b.position(pos + 4 * n);
            }
            case double[] a -> {
                b.asDoubleBuffer().put(a, from, n);
                b.position(pos + 8 * n);
            }
            default -> throw new IllegalArgumentException("not a primitive array: " + data.getClass());
        }
    }
}
