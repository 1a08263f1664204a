package org.jilastik.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;

/** Deterministic synthetic arrays for reader fixtures: value = f(flat C-order index). */
public final class Fixtures {
    private Fixtures() {
    }

    /** The value at flat index {@code i} for {@code dtype} (varied, sign-exercising where signed). */
    public static double value(DType dtype, long i) {
        return switch (dtype) {
            case BOOL -> i % 3 == 0 ? 1 : 0;
            case UINT8 -> (i * 37) % 251;
            case INT8 -> (i * 37) % 251 - 125;
            case UINT16 -> (i * 1237) % 65521;
            case INT16 -> (i * 1237) % 65521 - 32000;
            case UINT32, INT32, UINT64, INT64 -> i * 7919 - 3000;
            case FLOAT32, FLOAT64 -> i * 0.37 - 11.5;
        };
    }

    /** A whole array of {@code shape} filled by {@link #value}. */
    public static Block block(Axes axes, DType dtype, long... shape) {
        Block b = Block.allocate(axes, Box.ofShape(shape), dtype);
        Object d = b.data();
        for (int i = 0; i < b.size(); i++) {
            double v = value(dtype, i);
            switch (dtype) {
                case BOOL, UINT8, INT8 -> ((byte[]) d)[i] = (byte) v;
                case UINT16, INT16 -> ((short[]) d)[i] = (short) v;
                case UINT32, INT32 -> ((int[]) d)[i] = (int) v;
                case UINT64, INT64 -> ((long[]) d)[i] = (long) v;
                case FLOAT32 -> ((float[]) d)[i] = (float) v;
                case FLOAT64 -> ((double[]) d)[i] = v;
            }
        }
        return b;
    }

    /** The block's elements as bytes in {@code order}, C-order. */
    public static byte[] bytes(Block b, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.allocate(b.size() * b.dtype().byteSize()).order(order);
        putAll(buf, b, 0, b.size());
        return buf.array();
    }

    private static void putAll(ByteBuffer buf, Block b, int from, int to) {
        for (int i = from; i < to; i++) {
            switch (b.dtype()) {
                case BOOL, UINT8, INT8 -> buf.put(((byte[]) b.data())[i]);
                case UINT16, INT16 -> buf.putShort(((short[]) b.data())[i]);
                case UINT32, INT32 -> buf.putInt(((int[]) b.data())[i]);
                case UINT64, INT64 -> buf.putLong(((long[]) b.data())[i]);
                case FLOAT32 -> buf.putFloat(((float[]) b.data())[i]);
                case FLOAT64 -> buf.putDouble(((double[]) b.data())[i]);
            }
        }
    }
}
