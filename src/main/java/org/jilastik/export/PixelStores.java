package org.jilastik.export;

import org.jilastik.array.Block;
import org.jilastik.array.DType;

/**
 * The storing half of {@link PixelConverter}: NumPy's {@code astype} from float32, float64 or integer values
 * into the flat array that stores a target dtype (see {@link Block} for the storage of each dtype), with
 * optional round-half-to-even first. One loop per target type so the JIT sees simple kernels. Stateless.
 */
final class PixelStores {
    private PixelStores() {
    }

    /** Integer (or bool) data as longs: signed types sign-extended, unsigned zero-extended, uint64 as bits. */
    static long[] readLongs(Object data, DType dtype) {
        long[] out;
        switch (data) {
            case byte[] a -> {
                out = new long[a.length];
                boolean unsigned = dtype != DType.INT8;
                for (int i = 0; i < a.length; i++) {
                    out[i] = unsigned ? a[i] & 0xFF : a[i];
                }
            }
            case short[] a -> {
                out = new long[a.length];
                boolean unsigned = dtype == DType.UINT16;
                for (int i = 0; i < a.length; i++) {
                    out[i] = unsigned ? a[i] & 0xFFFF : a[i];
                }
            }
            case int[] a -> {
                out = new long[a.length];
                boolean unsigned = dtype == DType.UINT32;
                for (int i = 0; i < a.length; i++) {
                    out[i] = unsigned ? a[i] & 0xFFFF_FFFFL : a[i];
                }
            }
            case long[] a -> out = a;
            default -> throw new IllegalArgumentException("not integer storage: " + data.getClass());
        }
        return out;
    }

    /** float32 values cast to {@code t}, rounded half-to-even first when {@code round}. */
    static Object fromFloats(float[] y, DType t, boolean round) {
        int n = y.length;
        switch (t) {
            case FLOAT32 -> {
                return y.clone();
            }
            case FLOAT64 -> {
                double[] o = new double[n];
                for (int i = 0; i < n; i++) {
                    o[i] = y[i];
                }
                return o;
            }
            case BOOL -> {
                byte[] o = new byte[n];
                for (int i = 0; i < n; i++) {
                    o[i] = (byte) (y[i] != 0f ? 1 : 0); // NaN != 0
                }
                return o;
            }
            case UINT8, INT8 -> {
                byte[] o = new byte[n];
                for (int i = 0; i < n; i++) {
                    double v = round ? Math.rint(y[i]) : y[i];
                    o[i] = (byte) NumpyRules.toInt32(v);
                }
                return o;
            }
            default -> {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = y[i];
                }
                return fromDoubles(d, t, round);
            }
        }
    }

    /** float64 values cast to {@code t}, rounded half-to-even first when {@code round}. */
    static Object fromDoubles(double[] y, DType t, boolean round) {
        int n = y.length;
        switch (t) {
            case FLOAT32 -> {
                float[] o = new float[n];
                for (int i = 0; i < n; i++) {
                    o[i] = (float) y[i];
                }
                return o;
            }
            case FLOAT64 -> {
                return y.clone();
            }
            case BOOL -> {
                byte[] o = new byte[n];
                for (int i = 0; i < n; i++) {
                    o[i] = (byte) (y[i] != 0.0 ? 1 : 0);
                }
                return o;
            }
            case UINT8, INT8 -> {
                byte[] o = new byte[n];
                for (int i = 0; i < n; i++) {
                    o[i] = (byte) NumpyRules.toInt32(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
            case UINT16, INT16 -> {
                short[] o = new short[n];
                for (int i = 0; i < n; i++) {
                    o[i] = (short) NumpyRules.toInt32(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
            case INT32 -> {
                int[] o = new int[n];
                for (int i = 0; i < n; i++) {
                    o[i] = NumpyRules.toInt32(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
            case UINT32 -> {
                int[] o = new int[n];
                for (int i = 0; i < n; i++) {
                    o[i] = NumpyRules.toUint32(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
            case INT64 -> {
                long[] o = new long[n];
                for (int i = 0; i < n; i++) {
                    o[i] = NumpyRules.toInt64(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
            case UINT64 -> {
                long[] o = new long[n];
                for (int i = 0; i < n; i++) {
                    o[i] = NumpyRules.toUint64(round ? Math.rint(y[i]) : y[i]);
                }
                return o;
            }
        }
        throw new IllegalStateException();
    }

    /** Integer values (as {@link #readLongs}) of dtype {@code s} cast to {@code t}. */
    static Object fromLongs(long[] v, DType s, DType t) {
        int n = v.length;
        boolean unsigned64 = s == DType.UINT64;
        Object out = Block.newStorage(t, n);
        switch (out) {
            case byte[] o -> {
                for (int i = 0; i < n; i++) {
                    o[i] = t == DType.BOOL ? (byte) (v[i] != 0 ? 1 : 0) : (byte) v[i];
                }
            }
            case short[] o -> {
                for (int i = 0; i < n; i++) {
                    o[i] = (short) v[i];
                }
            }
            case int[] o -> {
                for (int i = 0; i < n; i++) {
                    o[i] = (int) v[i];
                }
            }
            case long[] o -> System.arraycopy(v, 0, o, 0, n);
            case float[] o -> {
                for (int i = 0; i < n; i++) {
                    o[i] = unsigned64 ? NumpyRules.unsignedToFloat(v[i]) : (float) v[i];
                }
            }
            case double[] o -> {
                for (int i = 0; i < n; i++) {
                    o[i] = unsigned64 ? NumpyRules.unsignedToDouble(v[i]) : (double) v[i];
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }
}
