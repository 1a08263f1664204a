package org.jilastik.io.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;

/**
 * {@link VigraImageWriter} contract for Sun raster ({@code .ras}, RGB), read back by a decoder written here from
 * the Sun raster specification (big-endian header, rows padded to 16 bits, RGB stored as BGR). The width 41 makes
 * the rows odd (123 bytes), so the padding is exercised.
 */
class SunRasterContractTest extends VigraImageContract {
    @Override
    VigraImageFormat format() {
        return VigraImageFormat.SUN;
    }

    @Override
    String extension() {
        return "ras";
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(target))) {
            assertThat(in.readInt()).isEqualTo(0x59a66a95);
            int w = in.readInt();
            int h = in.readInt();
            int depth = in.readInt();
            int length = in.readInt();
            assertThat(new int[] {w, h, depth}).containsExactly((int) shape[1], (int) shape[0], 24);
            assertThat(in.readInt()).as("type standard").isEqualTo(1);
            assertThat(in.readInt()).as("no colour map").isZero();
            assertThat(in.readInt()).isZero();
            int stride = (w * 3 + 1) / 2 * 2;
            assertThat(length).isEqualTo(h * stride);
            byte[] out = new byte[w * h * 3];
            byte[] row = new byte[stride];
            for (int y = 0; y < h; y++) {
                in.readFully(row);
                for (int x = 0; x < w; x++) {
                    out[(y * w + x) * 3] = row[3 * x + 2];
                    out[(y * w + x) * 3 + 1] = row[3 * x + 1];
                    out[(y * w + x) * 3 + 2] = row[3 * x];
                }
            }
            assertThat(in.read()).as("nothing after the last row").isEqualTo(-1);
            return out;
        }
    }
}
