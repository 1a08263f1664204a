package org.jilastik.io.image;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jilastik.array.DType;

/**
 * Writes a portable anymap as vigra's PNM codec does for every one of its extensions ({@code pnm}, {@code pbm},
 * {@code pgm}, {@code ppm}): a graymap ({@code P5}) for one channel, a pixmap ({@code P6}) for three, never a
 * bitmap, with {@code maxval} = the image's largest value (at least 1). uint8 samples are one byte each. int16
 * and int32 images (vigra's other PNM types) are written as the PNM standard defines samples for that maxval:
 * one byte below 256, two bytes big-endian up to 65535, and beyond that the plain text forms {@code P2}/{@code P3}
 * (which vigra also uses for int32); negative values, which PNM cannot hold, are written as 0.
 *
 * <p>Deviation from vigra (documented in docs/compatibility.md): vigra writes int16 samples as two bytes even
 * when maxval is below 256, which PNM readers misread. Stateless.
 */
final class PnmEncoder {
    private PnmEncoder() {
    }

    static void encode(Path file, int height, int width, int bands, DType type, Object data) throws IOException {
        int n = height * width * bands;
        long max = 1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, (long) VigraPixelMapping.value(data, type, i));
        }
        boolean text = max > 65535;
        char kind = (char) ((bands == 1 ? '5' : '6') - (text ? 3 : 0));
        String header = "P" + kind + "\n# jilastik\n" + width + " " + height + "\n" + max + "\n";
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                1 << 16)) {
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < n; i++) {
                long v = Math.max(0, (long) VigraPixelMapping.value(data, type, i));
                if (text) {
                    out.write((v + ((i + 1) % (width * bands) == 0 ? "\n" : " ")).getBytes(StandardCharsets.US_ASCII));
                } else if (max > 255) {
                    out.write((int) (v >> 8));
                    out.write((int) v);
                } else {
                    out.write((int) v);
                }
            }
        }
    }
}
