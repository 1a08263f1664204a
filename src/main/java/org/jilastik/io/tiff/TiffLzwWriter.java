package org.jilastik.io.tiff;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * TIFF LZW compression (TIFF 6.0 section 13, compression tag 5) of one strip, code for code as libtiff's encoder
 * writes it, so every TIFF reader decodes it.
 *
 * <p>Codes are written most-significant bit first, 9 to 12 bits wide. A strip starts with ClearCode (256) and
 * ends with EndOfInformation (257); entries start at 258. The code width grows as soon as the next free entry
 * would not fit ("early change": after assigning entry 511 the following codes are 10 bits wide), and when
 * entry 4093 has been assigned the encoder emits ClearCode and starts a new table. EndOfInformation is written
 * with the width the decoder expects after the last data code, which may already be one bit wider.
 *
 * <p>The string table is an open-addressing hash from (prefix code, next byte) to code; a reset clears only
 * the small hash arrays. Instances are not thread safe; use one per thread.
 */
final class TiffLzwWriter {
    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int FIRST = 258;
    private static final int MAX_ENTRY = 4093;     // after assigning it, the table is reset
    private static final int HASH_SIZE = 1 << 13;  // > 4096 entries, power of two for masking

    private final int[] hashKeys = new int[HASH_SIZE];
    private final short[] hashCodes = new short[HASH_SIZE];

    private ByteArrayOutputStream out;
    private int bitBuffer;
    private int bitCount;
    private int width;
    private int nextCode;

    /** Compresses {@code data[from, to)} into one LZW strip. */
    byte[] encode(byte[] data, int from, int to) {
        out = new ByteArrayOutputStream(Math.max(16, (to - from) / 2));
        bitBuffer = 0;
        bitCount = 0;
        resetTable();
        put(CLEAR);
        if (from == to) {
            put(EOI);
            return finish();
        }
        int prefix = data[from] & 0xff;
        for (int i = from + 1; i < to; i++) {
            int b = data[i] & 0xff;
            int key = (prefix << 8) | b;
            int slot = find(key);
            if (hashKeys[slot] == key) {
                prefix = hashCodes[slot];
                continue;
            }
            put(prefix);
            hashKeys[slot] = key;
            hashCodes[slot] = (short) nextCode;
            nextCode++;
            if (nextCode > MAX_ENTRY) {
                put(CLEAR);
                resetTable();
            } else if (nextCode > (1 << width) - 1) {
                width++;
            }
            prefix = b;
        }
        put(prefix);
        // The decoder adds one more entry after reading the last code; EOI has the width that implies.
        nextCode++;
        if (nextCode > MAX_ENTRY) {
            put(CLEAR);
            width = 9;
        } else if (nextCode > (1 << width) - 1) {
            width++;
        }
        put(EOI);
        return finish();
    }

    private void resetTable() {
        Arrays.fill(hashKeys, -1);
        width = 9;
        nextCode = FIRST;
    }

    /** The slot holding {@code key}, or the empty slot where it belongs (linear probing). */
    private int find(int key) {
        int slot = (key * 0x9E3779B1 >>> 19) & (HASH_SIZE - 1);
        while (hashKeys[slot] != -1 && hashKeys[slot] != key) {
            slot = (slot + 1) & (HASH_SIZE - 1);
        }
        return slot;
    }

    private void put(int code) {
        bitBuffer = (bitBuffer << width) | code;
        bitCount += width;
        while (bitCount >= 8) {
            out.write(bitBuffer >>> (bitCount - 8));
            bitCount -= 8;
        }
        bitBuffer &= (1 << bitCount) - 1;
    }

    private byte[] finish() {
        if (bitCount > 0) {
            out.write(bitBuffer << (8 - bitCount));
        }
        bitCount = 0;
        bitBuffer = 0;
        return out.toByteArray();
    }
}
