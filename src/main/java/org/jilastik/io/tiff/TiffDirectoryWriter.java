package org.jilastik.io.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.DType;

/**
 * Builds the image file directory (IFD) of a classic little-endian single-image TIFF with vigra's tag set (see
 * {@link TiffImageWriter}), entries in ascending tag order, values longer than four bytes placed right after
 * the directory. Field types as libtiff chooses them: SHORT where the value fits 16 bits for ImageWidth,
 * ImageLength and RowsPerStrip, LONG for NewSubfileType, StripOffsets and StripByteCounts.
 */
final class TiffDirectoryWriter {
    private static final short SHORT = 3;
    private static final short LONG = 4;

    private record Entry(int tag, short type, long[] values) {
    }

    private final long position;

    /** @param position file offset where the directory will start (even) */
    TiffDirectoryWriter(long position) {
        this.position = position;
    }

    /** The directory bytes, ready to be written at {@code position}. */
    ByteBuffer directory(int width, int height, int samples, DType dtype, int rowsPerStrip, long[] stripOffsets,
            long[] stripByteCounts) {
        int extra = samples < 3 ? samples - 1 : samples - 3;
        int colour = samples - extra;
        int bits = dtype == DType.BOOL ? 8 : dtype.byteSize() * 8;
        int format = dtype.isFloating() ? 3 : dtype.isSigned() ? 2 : 1;
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(254, LONG, new long[] {0}));
        e.add(new Entry(256, fits16(width), new long[] {width}));
        e.add(new Entry(257, fits16(height), new long[] {height}));
        e.add(new Entry(258, SHORT, filled(samples, bits)));
        e.add(new Entry(259, SHORT, new long[] {5}));
        e.add(new Entry(262, SHORT, new long[] {colour == 3 ? 2 : 1}));
        e.add(new Entry(273, LONG, stripOffsets));
        e.add(new Entry(274, SHORT, new long[] {1}));
        e.add(new Entry(277, SHORT, new long[] {samples}));
        e.add(new Entry(278, fits16(rowsPerStrip), new long[] {rowsPerStrip}));
        e.add(new Entry(279, LONG, stripByteCounts));
        e.add(new Entry(284, SHORT, new long[] {1}));
        if (extra > 0) {
            e.add(new Entry(338, SHORT, filled(extra, 2))); // unassociated alpha, as vigra declares them
        }
        e.add(new Entry(339, SHORT, filled(samples, format)));

        int dirBytes = 2 + 12 * e.size() + 4;
        int outOfLine = 0;
        for (Entry x : e) {
            int n = x.values.length * (x.type == SHORT ? 2 : 4);
            if (n > 4) {
                outOfLine += n + (n & 1);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(dirBytes + outOfLine).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer tail = b.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(dirBytes);
        b.putShort((short) e.size());
        for (Entry x : e) {
            b.putShort((short) x.tag).putShort(x.type).putInt(x.values.length);
            int n = x.values.length * (x.type == SHORT ? 2 : 4);
            ByteBuffer dst = b;
            int inline = b.position();
            if (n > 4) {
                b.putInt((int) (position + tail.position()));
                dst = tail;
            }
            for (long v : x.values) {
                if (x.type == SHORT) {
                    dst.putShort((short) v);
                } else {
                    dst.putInt((int) v);
                }
            }
            if (n > 4) {
                if ((n & 1) != 0) {
                    tail.put((byte) 0);
                }
            } else {
                b.position(inline + 4);
            }
        }
        b.putInt(0); // no next directory
        b.position(0);
        return b;
    }

    private static short fits16(long v) {
        return v <= 0xFFFF ? SHORT : LONG;
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
