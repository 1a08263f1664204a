package org.jilastik.io.tiff;

import org.jilastik.array.DType;

/**
 * Builds the image file directory (IFD) of a little-endian single-image TIFF with vigra's tag set (see
 * {@link TiffImageWriter}). Field types as libtiff chooses them: SHORT where the value fits 16 bits for
 * ImageWidth, ImageLength and RowsPerStrip, LONG for NewSubfileType, StripOffsets and StripByteCounts (LONG8 for
 * the strip fields of a BigTIFF, which libtiff writes the same way). Stateless.
 */
final class TiffDirectoryWriter {
    private TiffDirectoryWriter() {
    }

    /** The directory for an image of {@code height × width × samples} in strips of {@code rowsPerStrip} rows. */
    static TiffIfd directory(int width, int height, int samples, DType dtype, int rowsPerStrip, long[] stripOffsets,
            long[] stripByteCounts, boolean bigTiff) {
        int extra = samples < 3 ? samples - 1 : samples - 3;
        int colour = samples - extra;
        int bits = dtype == DType.BOOL ? 8 : dtype.byteSize() * 8;
        int format = dtype.isFloating() ? 3 : dtype.isSigned() ? 2 : 1;
        TiffIfd d = new TiffIfd();
        d.add(254, TiffIfd.LONG, 0);
        d.add(256, fits16(width), width);
        d.add(257, fits16(height), height);
        d.add(258, TiffIfd.SHORT, filled(samples, bits));
        d.add(259, TiffIfd.SHORT, 5);
        d.add(262, TiffIfd.SHORT, colour == 3 ? 2 : 1);
        d.addOffsets(273, bigTiff, stripOffsets);
        d.add(274, TiffIfd.SHORT, 1);
        d.add(277, TiffIfd.SHORT, samples);
        d.add(278, fits16(rowsPerStrip), rowsPerStrip);
        d.addOffsets(279, bigTiff, stripByteCounts);
        d.add(284, TiffIfd.SHORT, 1);
        if (extra > 0) {
            d.add(338, TiffIfd.SHORT, filled(extra, 2)); // unassociated alpha, as vigra declares them
        }
        d.add(339, TiffIfd.SHORT, filled(samples, format));
        return d;
    }

    private static short fits16(long v) {
        return v <= 0xFFFF ? TiffIfd.SHORT : TiffIfd.LONG;
    }

    static long[] filled(int n, long v) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
