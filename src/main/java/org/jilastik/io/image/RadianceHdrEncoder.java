package org.jilastik.io.image;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a Radiance RGBE image ({@code .hdr}) as vigra's HDR codec does: the header {@code #?RADIANCE},
 * {@code GAMMA=1}, {@code EXPOSURE=1}, {@code FORMAT=32-bit_rle_rgbe}, a blank line and {@code -Y height +X width};
 * then one scanline per row, run-length encoded per component ("new" RLE: {@code 2 2 hi lo}, then for each of
 * R, G, B, E runs {@code 128+n, value} and literals {@code n, bytes...}) when {@code 8 ≤ width ≤ 32767}, flat
 * RGBE quadruples otherwise.
 *
 * <p>RGBE of a pixel: {@code m = max(r, g, b)}; below {@code 1e-32} all four bytes are 0; else with
 * {@code m = f · 2^e}, {@code f ∈ [0.5, 1)}: {@code s = f · 256 / m} (float), bytes {@code (int) (r·s)},
 * {@code (int) (g·s)}, {@code (int) (b·s)}, {@code e + 128}. Negative components, which RGBE cannot hold, become
 * 0. Stateless.
 */
final class RadianceHdrEncoder {
    private RadianceHdrEncoder() {
    }

    static void encode(Path file, int height, int width, float[] rgb) throws IOException {
        String header = "#?RADIANCE\nGAMMA=1\nEXPOSURE=1\nFORMAT=32-bit_rle_rgbe\n\n-Y " + height + " +X " + width
                + "\n";
        boolean rle = width >= 8 && width <= 0x7fff;
        byte[] line = new byte[4 * width];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                1 << 16)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = 3 * (y * width + x);
                    rgbe(rgb[p], rgb[p + 1], rgb[p + 2], line, 4 * x);
                }
                if (rle) {
                    out.write(new byte[] {2, 2, (byte) (width >> 8), (byte) width});
                    ByteArrayOutputStream comp = new ByteArrayOutputStream(width + width / 64 + 8);
                    byte[] plane = new byte[width];
                    for (int k = 0; k < 4; k++) {
                        for (int x = 0; x < width; x++) {
                            plane[x] = line[4 * x + k];
                        }
                        runLength(plane, comp);
                    }
                    comp.writeTo(out);
                } else {
                    out.write(line);
                }
            }
        }
    }

    static void rgbe(float r, float g, float b, byte[] out, int at) {
        float m = Math.max(r, Math.max(g, b));
        if (!(m >= 1e-32f)) {
            out[at] = out[at + 1] = out[at + 2] = out[at + 3] = 0;
            return;
        }
        int e = Math.getExponent(m) + 1; // m = f * 2^e with f in [0.5, 1)
        float s = (float) (Math.scalb((double) m, -e) * 256.0 / m);
        out[at] = (byte) Math.max(0, (int) (r * s));
        out[at + 1] = (byte) Math.max(0, (int) (g * s));
        out[at + 2] = (byte) Math.max(0, (int) (b * s));
        out[at + 3] = (byte) (e + 128);
    }

    /** Radiance RLE of one component plane: runs of 4 or more as {@code 128+n, v}, the rest as literals. */
    private static void runLength(byte[] d, ByteArrayOutputStream out) {
        int n = d.length;
        int i = 0;
        while (i < n) {
            int run = 1;
            while (i + run < n && run < 127 && d[i + run] == d[i]) {
                run++;
            }
            if (run >= 4) {
                out.write(128 + run);
                out.write(d[i]);
                i += run;
                continue;
            }
            // literal stretch up to the next run of 4 (or 128 bytes)
            int start = i;
            int len = 0;
            while (i < n && len < 128) {
                int r = 1;
                while (i + r < n && r < 4 && d[i + r] == d[i]) {
                    r++;
                }
                if (r >= 4) {
                    break;
                }
                i++;
                len++;
            }
            out.write(len);
            out.write(d, start, len);
        }
    }
}
