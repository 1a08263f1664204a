package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jilastik.array.Block;
import org.jilastik.array.Box;

/** Test helpers: checksums as numpy computes them, crops, and exact comparisons with the first difference. */
public final class TestArrays {
    private TestArrays() {
    }

    /** sha256 of the block's C-order bytes in little-endian order (numpy's {@code a.tobytes()} on x86). */
    public static String sha256(Block b) {
        int n = b.size();
        ByteBuffer buf = ByteBuffer.allocate(n * b.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
        switch (b.dtype()) {
            case BOOL, UINT8, INT8 -> buf.put((byte[]) b.data());
            case UINT16, INT16 -> buf.asShortBuffer().put((short[]) b.data());
            case UINT32, INT32 -> buf.asIntBuffer().put((int[]) b.data());
            case UINT64, INT64 -> buf.asLongBuffer().put((long[]) b.data());
            case FLOAT32 -> buf.asFloatBuffer().put((float[]) b.data());
            case FLOAT64 -> buf.asDoubleBuffer().put((double[]) b.data());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The part {@code region} (absolute coordinates) of {@code b}. */
    public static Block crop(Block b, Box region) {
        Block out = Block.allocate(b.axes(), region, b.dtype());
        Regions.copy(b.data(), b.box(), out.data(), region, region);
        return out;
    }

    /** Asserts equal dtype, box and every value; names the first differing flat index and values. */
    public static void assertSameValues(Block actual, Block expected) {
        assertThat(actual.dtype()).isEqualTo(expected.dtype());
        assertThat(actual.box()).isEqualTo(expected.box());
        for (int i = 0; i < expected.size(); i++) {
            double a = actual.getDouble(i);
            double e = expected.getDouble(i);
            if (!(a == e || (Double.isNaN(a) && Double.isNaN(e)))) {
                throw new AssertionError("first difference at flat index " + i + " of " + expected.box()
                        + ": got " + a + ", expected " + e);
            }
        }
    }
}
