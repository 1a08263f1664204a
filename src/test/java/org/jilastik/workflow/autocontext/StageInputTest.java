package org.jilastik.workflow.autocontext;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

/**
 * The input of autocontext stage k ≥ 2 (spec autocontext §3, ilastik's DtypeConvertFunction): probabilities
 * converted to the raw dtype with the product in float32 and a truncating C cast, stacked after the raw channels.
 */
class StageInputTest {

    @Test
    void uint8IsTruncatedFloat32Product() {
        float[] p = {0f, 0.1f, 0.5f, 0.999f, 1f, 0.2f};
        byte[] out = (byte[]) StageInput.convert(p, DType.UINT8);
        assertThat(unsigned(out)).containsExactly(0, 25, 127, 254, 255, 51);
    }

    @Test
    void productIsRoundedInFloat32NotDouble() {
        // For uint16, about 0.1 % of probabilities have a float32 product 65535·p that rounds up to a whole number
        // while the exact (double) product lies just below it: ilastik (numpy float32) gets the whole number.
        java.util.Random rnd = new java.util.Random(7);
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            float p = rnd.nextFloat();
            float f = 65535f * p;
            double d = 65535.0 * p; // exact: a float times 65535 fits in a double's mantissa
            short[] out = (short[]) StageInput.convert(new float[] {p}, DType.UINT16);
            assertThat(out[0] & 0xffff).as("p = %s", p).isEqualTo((int) f);
            if ((long) f != (long) d) {
                found++;
            }
        }
        assertThat(found).as("probabilities where float32 and double products truncate differently").isGreaterThan(50);
    }

    @Test
    void uint16ScalesTo65535() {
        float[] p = {0f, 0.5f, 1f, 1e-5f};
        short[] out = (short[]) StageInput.convert(p, DType.UINT16);
        assertThat(new int[] {out[0] & 0xffff, out[1] & 0xffff, out[2] & 0xffff, out[3] & 0xffff})
                .containsExactly(0, 32767, 65535, (int) (65535f * 1e-5f));
    }

    @Test
    void signedTypesWrapAsIlastikDoes() {
        // int8: (127 − (−128))·p − (−128) = 255·p + 128, cast with wrap-around: 0 → 128 → −128, 1 → 383 → 127.
        byte[] i8 = (byte[]) StageInput.convert(new float[] {0f, 0.5f, 1f}, DType.INT8);
        assertThat(i8).containsExactly((byte) -128, (byte) (int) (255f * 0.5f + 128f), (byte) 127);
        // int16: 65535·p + 32768, wrapped: 0 → −32768, 1 → 98303 → 32767.
        short[] i16 = (short[]) StageInput.convert(new float[] {0f, 1f}, DType.INT16);
        assertThat(i16).containsExactly((short) -32768, (short) 32767);
    }

    @Test
    void floatTypesAreCastWithoutRescaling() {
        float[] p = {0f, 0.123456789f, 1f};
        assertThat((float[]) StageInput.convert(p, DType.FLOAT32)).containsExactly(p);
        assertThat((double[]) StageInput.convert(p, DType.FLOAT64))
                .containsExactly((double) 0f, (double) 0.123456789f, 1.0);
    }

    @Test
    void rawChannelsComeFirstThenProbabilitiesInClassOrder() {
        // raw: 2 channels over y 0..4, x 0..5; probabilities: 3 classes over the inner box y 1..3, x 2..5
        Box rawBox = new Box(new long[] {0, 0, 0}, new long[] {4, 5, 2});
        byte[] raw = new byte[4 * 5 * 2];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                raw[(y * 5 + x) * 2] = (byte) (10 * y + x);
                raw[(y * 5 + x) * 2 + 1] = (byte) (200 + x);
            }
        }
        Box pBox = new Box(new long[] {1, 2, 0}, new long[] {3, 5, 3});
        float[] p = new float[2 * 3 * 3];
        for (int i = 0; i < 6; i++) {
            p[i * 3] = 0.1f * i;
            p[i * 3 + 1] = 0.5f;
            p[i * 3 + 2] = 1f - 0.1f * i;
        }
        Axes yxc = Axes.of("yxc");
        Block stacked = StageInput.stack(new Block(yxc, rawBox, DType.UINT8, raw),
                new Block(yxc, pBox, DType.FLOAT32, p));

        assertThat(stacked.dtype()).isEqualTo(DType.UINT8);
        assertThat(stacked.box()).isEqualTo(new Box(new long[] {1, 2, 0}, new long[] {3, 5, 5}));
        int[] values = unsigned((byte[]) stacked.data());
        int i = 0;
        for (int y = 1; y < 3; y++) {
            for (int x = 2; x < 5; x++) {
                int k = (y - 1) * 3 + (x - 2);
                assertThat(new int[] {values[i * 5], values[i * 5 + 1], values[i * 5 + 2], values[i * 5 + 3],
                    values[i * 5 + 4]}).as("pixel y=%d x=%d", y, x).containsExactly(10 * y + x, 200 + x,
                        (int) (255f * (0.1f * k)), 127, (int) (255f * (1f - 0.1f * k)));
                i++;
            }
        }
    }

    @Test
    void stacksTimeAndDepthBlocks() {
        // tzyxc with one raw channel (uint16) and one class; the raw block is larger on every spatial axis
        Axes axes = Axes.of("tzyxc");
        Box rawBox = new Box(new long[] {0, 0, 0, 0, 0}, new long[] {2, 3, 4, 5, 1});
        short[] raw = new short[2 * 3 * 4 * 5];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (short) (1000 + i);
        }
        Box pBox = new Box(new long[] {1, 1, 1, 1, 0}, new long[] {2, 3, 3, 4, 1});
        float[] p = new float[(int) pBox.numElements()];
        java.util.Arrays.fill(p, 1f);
        Block s = StageInput.stack(new Block(axes, rawBox, DType.UINT16, raw), new Block(axes, pBox, DType.FLOAT32, p));
        short[] v = (short[]) s.data();
        int i = 0;
        for (int z = 1; z < 3; z++) {
            for (int y = 1; y < 3; y++) {
                for (int x = 1; x < 4; x++) {
                    int rawIndex = ((1 * 3 + z) * 4 + y) * 5 + x;
                    assertThat(v[2 * i]).as("raw at z=%d y=%d x=%d", z, y, x).isEqualTo((short) (1000 + rawIndex));
                    assertThat(v[2 * i + 1] & 0xffff).isEqualTo(65535);
                    i++;
                }
            }
        }
    }

    private static int[] unsigned(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }
}
