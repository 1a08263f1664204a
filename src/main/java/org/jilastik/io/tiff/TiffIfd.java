package org.jilastik.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One little-endian TIFF image file directory (IFD) being assembled: entries of type BYTE-free kinds SHORT, LONG,
 * LONG8, RATIONAL and ASCII, serialised for a classic TIFF (12-byte entries, 4-byte offsets) or a BigTIFF (20-byte
 * entries, 8-byte offsets). Entries are written in ascending tag order; values that do not fit the entry's value
 * field follow the directory, each starting on an even offset.
 *
 * <p>Not thread safe; build one per directory.
 */
final class TiffIfd {
    static final short ASCII = 2;
    static final short SHORT = 3;
    static final short LONG = 4;
    static final short RATIONAL = 5;
    static final short LONG8 = 16;

    private record Entry(int tag, short type, long[] values, byte[] text) {
        int count() {
            return text != null ? text.length : type == RATIONAL ? values.length / 2 : values.length;
        }

        int valueBytes() {
            return text != null ? text.length : values.length * switch (type) {
                case SHORT -> 2;
                case LONG -> 4;
                case RATIONAL -> 4; // two LONGs per value, stored as consecutive pairs
                default -> 8;
            };
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds numeric values (for RATIONAL: numerator, denominator pairs). */
    TiffIfd add(int tag, short type, long... values) {
        entries.add(new Entry(tag, type, values.clone(), null));
        return this;
    }

    /** Adds an ASCII value; the terminating NUL is appended. */
    TiffIfd addAscii(int tag, String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = java.util.Arrays.copyOf(raw, raw.length + 1);
        entries.add(new Entry(tag, ASCII, null, z));
        return this;
    }

    /** Offsets and byte counts: LONG in a classic file, LONG8 in a BigTIFF. */
    TiffIfd addOffsets(int tag, boolean bigTiff, long... values) {
        return add(tag, bigTiff ? LONG8 : LONG, values);
    }

    /** Size in bytes of the serialised directory including its out-of-line values. */
    int byteSize(boolean bigTiff) {
        int fieldBytes = bigTiff ? 8 : 4;
        int size = (bigTiff ? 8 : 2) + entries.size() * (bigTiff ? 20 : 12) + fieldBytes;
        for (Entry e : entries) {
            int n = e.valueBytes();
            if (n > fieldBytes) {
                size += n + (n & 1);
            }
        }
        return size;
    }

    /**
     * The directory bytes for file offset {@code position} (even), with {@code next} as the offset of the next
     * directory (0 for the last).
     */
    ByteBuffer serialise(long position, long next, boolean bigTiff) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::tag));
        int fieldBytes = bigTiff ? 8 : 4;
        int head = (bigTiff ? 8 : 2) + sorted.size() * (bigTiff ? 20 : 12) + fieldBytes;
        ByteBuffer b = ByteBuffer.allocate(byteSize(bigTiff)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer tail = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(head);
        if (bigTiff) {
            b.putLong(sorted.size());
        } else {
            b.putShort((short) sorted.size());
        }
        for (Entry e : sorted) {
            b.putShort((short) e.tag).putShort(e.type);
            if (bigTiff) {
                b.putLong(e.count());
            } else {
                b.putInt(e.count());
            }
            int n = e.valueBytes();
            int field = b.position();
            ByteBuffer dst = b;
            if (n > fieldBytes) {
                long at = position + tail.position();
                if (bigTiff) {
                    b.putLong(at);
                } else {
                    b.putInt((int) at);
                }
                dst = tail;
            }
            putValues(dst, e);
            if (n > fieldBytes) {
                if ((n & 1) != 0) {
                    tail.put((byte) 0);
                }
            } else {
                b.position(field + fieldBytes);
            }
        }
        if (bigTiff) {
            b.putLong(next);
        } else {
            b.putInt((int) next);
        }
        b.position(0);
        return b;
    }

    private static void putValues(ByteBuffer dst, Entry e) {
        if (e.text != null) {
            dst.put(e.text);
            return;
        }
        for (long v : e.values) {
            switch (e.type) {
                case SHORT -> dst.putShort((short) v);
                case LONG, RATIONAL -> dst.putInt((int) v);
                default -> dst.putLong(v);
            }
        }
    }

    /** The 8-byte classic or 16-byte BigTIFF header pointing at the first directory. */
    static ByteBuffer header(long firstIfd, boolean bigTiff) {
        ByteBuffer h = ByteBuffer.allocate(bigTiff ? 16 : 8).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            h.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(firstIfd);
        } else {
            h.putShort((short) 42).putInt((int) firstIfd);
        }
        return h.flip();
    }
}
