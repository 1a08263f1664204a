package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

/**
 * Hand values of ilastik's export conversion; every expected array was computed with NumPy 1.24.2 (the version
 * ilastik pins) using ilastik's formula {@code out0 + (a - in0) * float32(ratio)}, {@code rint} for floating
 * sources with integer targets, then {@code asarray(y, T)}.
 */
class PixelConverterTest {
    private static final float[] PROBS = {0f, 0.5f, 0.5f / 255, 1.5f / 255, 0.998f, 1.0f, 0.0019607844f, 0.5019608f,
            1.5f, -0.1f, 0.3f, 0.7f};

    private static long[] longs(Object data, DType t) {
        long[] out = PixelStores.readLongs(data, t);
        return out == data ? out.clone() : out;
    }

    @Test
    void probabilitiesToUint8WithRangeRoundHalfEvenAndWrap() {
        PixelConverter c = PixelConverter.normalize(DType.FLOAT32, DType.UINT8, 0.0, 1.0, 0L, 255L);
        assertThat(c.ratio()).isEqualTo(255f);
        // 0.5 -> 127.5 -> 128 (even), 1.5 -> 382.5 -> 382 -> wraps to 126, -0.1 -> -25.5 -> -26 -> 230
        assertThat(longs(c.convert(PROBS), DType.UINT8))
                .containsExactly(0, 128, 0, 2, 254, 255, 0, 128, 126, 230, 76, 178);
    }

    @Test
    void probabilitiesToUint16WithRange() {
        PixelConverter c = PixelConverter.normalize(DType.FLOAT32, DType.UINT16, 0.0, 1.0, 0L, 65535L);
        assertThat(longs(c.convert(PROBS), DType.UINT16))
                .containsExactly(0, 32768, 128, 386, 65404, 65535, 128, 32896, 32766, 58982, 19660, 45874);
    }

    @Test
    void plainCastTruncatesProbabilitiesToZeroOrOne() {
        assertThat(longs(PixelConverter.cast(DType.FLOAT32, DType.UINT8).convert(PROBS), DType.UINT8))
                .containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0);
        assertThat(longs(PixelConverter.cast(DType.FLOAT32, DType.UINT16).convert(PROBS), DType.UINT16))
                .containsExactly(0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void float32ArithmeticNotDouble() {
        // (0.1, 0.8) -> (3, 258): ratio float32(255/0.7); this value gives 160 in float32, 159 in float64
        PixelConverter c = PixelConverter.normalize(DType.FLOAT32, DType.UINT8, 0.1, 0.8, 3L, 258L);
        assertThat(Float.floatToIntBits(c.ratio())).isEqualTo(1136010386);
        float p = Float.intBitsToFloat(1057461345);
        assertThat(((byte[]) c.convert(new float[] {p}))[0] & 0xFF).isEqualTo(160);
    }

    @Test
    void integerSourceWithIntegerLowBoundWrapsBeforeScaling() {
        byte[] u = {0, 50, 99, 100, (byte) 150, (byte) 200, (byte) 255};
        // uint8 - 100 stays uint8 (wraps), times float32 2.55 in float32, truncated (no rint for integer data)
        assertThat(longs(PixelConverter.normalize(DType.UINT8, DType.UINT8, 100L, 200L, 0L, 255L).convert(u),
                DType.UINT8)).containsExactly(141, 13, 138, 0, 127, 255, 139);
        // written with decimals: float64 arithmetic, negative values truncated toward zero then wrapped
        assertThat(longs(PixelConverter.normalize(DType.UINT8, DType.UINT8, 100.0, 200.0, 0L, 255L).convert(u),
                DType.UINT8)).containsExactly(2, 129, 254, 0, 127, 254, 139);
        float[] f = (float[]) PixelConverter.normalize(DType.UINT8, DType.FLOAT32, 100L, 200L, 0.0, 1.0).convert(u);
        int[] bits = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            bits[i] = Float.floatToRawIntBits(f[i]);
        }
        assertThat(bits).containsExactly(1070050836, 1073993482, 1076048691, 0, 1056964608, 1065353216,
                1069966950);
    }

    @Test
    void uint16ToFloat32UsesFloat32Arithmetic() {
        short[] w = {0, 1, 1000, (short) 65535, (short) 40000};
        float[] f = (float[]) PixelConverter.normalize(DType.UINT16, DType.FLOAT32, 0L, 65535L, 0.0, 1.0).convert(w);
        int[] bits = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            bits[i] = Float.floatToRawIntBits(f[i]);
        }
        assertThat(bits).containsExactly(0, 931135616, 1014628602, 1065353216, 1058816156);
    }

    @Test
    void int32SourceUsesFloat64AndWrapsInInt32() {
        int[] i = {-5, 0, 7, Integer.MAX_VALUE, Integer.MIN_VALUE};
        assertThat((double[]) PixelConverter.normalize(DType.INT32, DType.FLOAT64, -10L, 10L, 0L, 100L).convert(i))
                .containsExactly(25.0, 50.0, 85.0, -10737418195.0, -10737418190.0);
        assertThat(longs(PixelConverter.normalize(DType.INT32, DType.INT16, -10L, 10L, 0L, 100L).convert(i),
                DType.INT16)).containsExactly(25, 50, 85, 0, 0);
    }

    @Test
    void boolSourceAndZeroSpread() {
        byte[] b = {0, 1, 1, 0};
        assertThat(longs(PixelConverter.normalize(DType.BOOL, DType.UINT8, 0L, 1L, 0L, 255L).convert(b), DType.UINT8))
                .containsExactly(0, 255, 255, 0);
        byte[] u = {0, 50, 99, 100, (byte) 150, (byte) 200, (byte) 255};
        assertThat((float[]) PixelConverter.normalize(DType.UINT8, DType.FLOAT32, 5L, 5L, 3L, 7L).convert(u))
                .containsOnly(3f);
    }

    @Test
    void castsWrapLikeNumpy() {
        short[] s = {300, -200, 127, -129, 32767};
        assertThat(longs(PixelConverter.cast(DType.INT16, DType.INT8).convert(s), DType.INT8))
                .containsExactly(44, 56, 127, 127, -1);
        double[] d = {1e10, -1e10, 2.5, -2.5, Double.NaN};
        assertThat((int[]) PixelConverter.cast(DType.FLOAT64, DType.INT32).convert(d))
                .containsExactly(Integer.MIN_VALUE, Integer.MIN_VALUE, 2, -2, Integer.MIN_VALUE);
        // float32 -> every integer type, values from NumPy 1.24.2 on x86-64
        float[] x = {300.7f, -1.5f, -0.5f, 255.9f, 256.0f, 1e10f, -1e10f, Float.NaN, Float.POSITIVE_INFINITY,
                65536 * 3 + 5.5f, 2147483648f, -2147483649f, 4294967303f, -3.7f};
        assertThat(longs(PixelConverter.cast(DType.FLOAT32, DType.UINT8).convert(x), DType.UINT8))
                .containsExactly(44, 255, 0, 255, 0, 0, 0, 0, 0, 5, 0, 0, 0, 253);
        assertThat(longs(PixelConverter.cast(DType.FLOAT32, DType.INT16).convert(x), DType.INT16))
                .containsExactly(300, -1, 0, 255, 256, 0, 0, 0, 0, 5, 0, 0, 0, -3);
        assertThat(longs(PixelConverter.cast(DType.FLOAT32, DType.UINT32).convert(x), DType.UINT32))
                .containsExactly(300L, 4294967295L, 0L, 255L, 256L, 0L, 2147483648L, 2147483648L, 0L, 196613L,
                        2147483648L, 2147483648L, 0L, 4294967293L);
        assertThat((long[]) PixelConverter.cast(DType.FLOAT32, DType.UINT64).convert(x))
                .containsExactly(300L, -1L, 0L, 255L, 256L, 10000000000L, Long.parseUnsignedLong("18446744063709551616"),
                        Long.MIN_VALUE, 0L, 196613L, 2147483648L, Long.parseUnsignedLong("18446744071562067968"),
                        4294967296L, -3L);
        assertThat((long[]) PixelConverter.cast(DType.FLOAT32, DType.INT64).convert(x))
                .containsExactly(300L, -1L, 0L, 255L, 256L, 10000000000L, -10000000000L, Long.MIN_VALUE,
                        Long.MIN_VALUE, 196613L, 2147483648L, -2147483648L, 4294967296L, -3L);
    }

    @Test
    void identityReturnsTheSameArray() {
        float[] a = {1f, 2f};
        PixelConverter c = PixelConverter.cast(DType.FLOAT32, DType.FLOAT32);
        assertThat(c.isIdentity()).isTrue();
        assertThat(c.convert(a)).isSameAs(a);
    }

    @Test
    void promotionTableMatchesNumpy() {
        // results of array(S) - 100, - 300, - (-1), - 70000 and * float32 in NumPy 1.24.2
        Object[][] rows = {
            {DType.INT8, DType.INT8, DType.INT16, DType.INT8, DType.INT32, DType.FLOAT32},
            {DType.UINT8, DType.UINT8, DType.UINT16, DType.INT16, DType.UINT32, DType.FLOAT32},
            {DType.INT16, DType.INT16, DType.INT16, DType.INT16, DType.INT32, DType.FLOAT32},
            {DType.UINT16, DType.UINT16, DType.UINT16, DType.INT32, DType.UINT32, DType.FLOAT32},
            {DType.INT32, DType.INT32, DType.INT32, DType.INT32, DType.INT32, DType.FLOAT64},
            {DType.UINT32, DType.UINT32, DType.UINT32, DType.INT64, DType.UINT32, DType.FLOAT64},
            {DType.INT64, DType.INT64, DType.INT64, DType.INT64, DType.INT64, DType.FLOAT64},
            {DType.UINT64, DType.UINT64, DType.UINT64, DType.FLOAT64, DType.UINT64, DType.FLOAT64},
            {DType.BOOL, DType.INT64, DType.INT64, DType.INT64, DType.INT64, DType.FLOAT32},
        };
        for (Object[] r : rows) {
            DType s = (DType) r[0];
            assertThat(NumpyRules.subtractScalar(s, 100L)).as(s + " - 100").isEqualTo(r[1]);
            assertThat(NumpyRules.subtractScalar(s, 300L)).as(s + " - 300").isEqualTo(r[2]);
            assertThat(NumpyRules.subtractScalar(s, -1L)).as(s + " - (-1)").isEqualTo(r[3]);
            if (s != DType.BOOL) {
                assertThat(NumpyRules.subtractScalar(s, 70000L)).as(s + " - 70000").isEqualTo(r[4]);
            }
            assertThat(NumpyRules.multiplyFloat32Scalar(s)).as(s + " * float32").isEqualTo(r[5]);
            assertThat(NumpyRules.subtractScalar(s, 1.5)).as(s + " - 1.5").isEqualTo(DType.FLOAT64);
        }
        assertThat(NumpyRules.subtractScalar(DType.FLOAT32, 1.5)).isEqualTo(DType.FLOAT32);
        assertThat(NumpyRules.subtractScalar(DType.FLOAT32, 100L)).isEqualTo(DType.FLOAT32);
    }
}
