package org.jilastik.io.image;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a Sun raster file ({@code .ras}) as vigra's SUN codec does: big-endian header (magic {@code 0x59a66a95},
 * width, height, depth 8 or 24, data length, type 1 = standard, no colour map), then uncompressed rows, RGB
 * stored in the order blue, green, red.
 *
 * <p>Rows are padded to an even number of bytes as the Sun raster specification requires (and other readers
 * expect); vigra does not pad and appends a copy of the last row, so for an odd row length vigra's own reader
 * and this file disagree (documented in docs/compatibility.md). Stateless.
 */
final class SunRasterEncoder {
    private static final int MAGIC = 0x59a66a95;

    private SunRasterEncoder() {
    }

    static void encode(Path file, int height, int width, int bands, byte[] data) throws IOException {
        int rowBytes = width * bands;
        int stride = rowBytes + (rowBytes & 1);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(width);
            out.writeInt(height);
            out.writeInt(bands * 8);
            out.writeInt(height * stride);
            out.writeInt(1);
            out.writeInt(0);
            out.writeInt(0);
            byte[] row = new byte[stride];
            for (int y = 0; y < height; y++) {
                int base = y * rowBytes;
                if (bands == 3) {
                    for (int x = 0; x < width; x++) {
                        row[3 * x] = data[base + 3 * x + 2];
                        row[3 * x + 1] = data[base + 3 * x + 1];
                        row[3 * x + 2] = data[base + 3 * x];
                    }
                } else {
                    System.arraycopy(data, base, row, 0, rowBytes);
                }
                out.write(row);
            }
        }
    }
}
