package org.jilastik.export;

import org.jilastik.array.DType;

/**
 * The NumPy 1.x rules (ilastik pins NumPy 1.24) that decide the result of {@code out0 + (a - in0) * ratio} and
 * of {@code asarray(y, T)}: value-based type promotion of an array with a Python scalar, and C-style casts from
 * floating point to integers as the x86-64 build of NumPy performs them (verified against NumPy 1.24.2).
 *
 * <p>Promotion of an array of dtype {@code S} with a scalar: a scalar of a higher kind (float scalar with an
 * integer array) uses the scalar's own type (Python float → float64, {@code numpy.float32} → float32); a
 * scalar of the same or a lower kind keeps the array's type, except that an integer scalar too large for the
 * array's integer type widens it to the smallest type that holds both (a non-negative value counts as signed
 * when it fits the signed type of its size: {@code int8 − 300 → int16}, {@code uint8 − 300 → uint16},
 * {@code uint8 − (−1) → int16}, {@code uint64 − (−1) → float64}). A bool array with an integer scalar gives
 * int64.
 *
 * <p>Float to integer casts (no clipping): the value is truncated toward zero; for 8-, 16- and 32-bit signed
 * targets it is first converted to int32 ({@code INT32_MIN} when NaN or out of range) and the low bits kept;
 * uint32 converts {@code v ≥ 2^31} as {@code int32(v − 2^31) ^ 0x80000000}; int64 gives {@code INT64_MIN} when
 * out of range; uint64 like uint32 with 2^63. Stateless, thread safe.
 */
final class NumpyRules {
    private static final double TWO31 = 2147483648.0;
    private static final double TWO63 = 9.223372036854775808E18;

    private NumpyRules() {
    }

    /** Result dtype of {@code array(S) - scalar}, the scalar a Python int (Long) or float (Double). */
    static DType subtractScalar(DType s, Number scalar) {
        if (s.isFloating()) {
            return s;
        }
        if (scalar instanceof Double) {
            return DType.FLOAT64;
        }
        long v = scalar.longValue();
        if (s == DType.BOOL) {
            return DType.INT64;
        }
        return promote(s, smallestIntegerFor(v, s.isSigned()));
    }

    /** Result dtype of {@code array(D) * numpy.float32 scalar}. */
    static DType multiplyFloat32Scalar(DType d) {
        if (d.isFloating()) {
            return d;
        }
        return switch (d) {
            case BOOL, UINT8, INT8, UINT16, INT16 -> DType.FLOAT32;
            default -> DType.FLOAT64;
        };
    }

    /** The smallest integer type holding {@code v}; non-negative values count as signed for a signed array. */
    private static DType smallestIntegerFor(long v, boolean signedArray) {
        if (v < 0) {
            return v >= Byte.MIN_VALUE ? DType.INT8 : v >= Short.MIN_VALUE ? DType.INT16
                    : v >= Integer.MIN_VALUE ? DType.INT32 : DType.INT64;
        }
        if (signedArray) {
            return v <= Byte.MAX_VALUE ? DType.INT8 : v <= Short.MAX_VALUE ? DType.INT16
                    : v <= Integer.MAX_VALUE ? DType.INT32 : DType.INT64;
        }
        return v <= 0xFF ? DType.UINT8 : v <= 0xFFFF ? DType.UINT16 : v <= 0xFFFF_FFFFL ? DType.UINT32 : DType.UINT64;
    }

    /** NumPy's {@code promote_types} for two integer types. */
    static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.isSigned() == b.isSigned()) {
            return a.byteSize() >= b.byteSize() ? a : b;
        }
        DType signed = a.isSigned() ? a : b;
        DType unsigned = a.isSigned() ? b : a;
        if (signed.byteSize() > unsigned.byteSize()) {
            return signed;
        }
        return switch (unsigned.byteSize()) {
            case 1 -> DType.INT16;
            case 2 -> DType.INT32;
            case 4 -> DType.INT64;
            default -> DType.FLOAT64;
        };
    }

    /** C cast to int32 as {@code cvttsd2si}: truncation, {@code INT32_MIN} for NaN and out of range. */
    static int toInt32(double v) {
        return v > -2147483649.0 && v < TWO31 ? (int) v : Integer.MIN_VALUE;
    }

    /** C cast to int64 as {@code cvttsd2si}: truncation, {@code INT64_MIN} for NaN and out of range. */
    static long toInt64(double v) {
        return v >= -TWO63 && v < TWO63 ? (long) v : Long.MIN_VALUE;
    }

    /** NumPy's float → uint32 cast, as the bits of an int. */
    static int toUint32(double v) {
        return v >= TWO31 ? toInt32(v - TWO31) ^ Integer.MIN_VALUE : toInt32(v);
    }

    /** NumPy's float → uint64 cast, as the bits of a long. */
    static long toUint64(double v) {
        return v >= TWO63 ? toInt64(v - TWO63) ^ Long.MIN_VALUE : toInt64(v);
    }

    /** An unsigned 64-bit value (bits of {@code v}) as the nearest double, ties to even (as C does). */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }

    /** An unsigned 64-bit value (bits of {@code v}) as the nearest float, ties to even. */
    static float unsignedToFloat(long v) {
        if (v >= 0) {
            return v;
        }
        return (float) ((v >>> 1) | (v & 1)) * 2.0f;
    }

    /** {@code v} wrapped into integer type {@code d} (two's complement), returned sign- or zero-extended. */
    static long wrap(long v, DType d) {
        return switch (d) {
            case BOOL -> v != 0 ? 1 : 0;
            case INT8 -> (byte) v;
            case UINT8 -> v & 0xFF;
            case INT16 -> (short) v;
            case UINT16 -> v & 0xFFFF;
            case INT32 -> (int) v;
            case UINT32 -> v & 0xFFFF_FFFFL;
            case INT64, UINT64 -> v;
            default -> throw new IllegalArgumentException(d + " is not an integer type");
        };
    }
}
