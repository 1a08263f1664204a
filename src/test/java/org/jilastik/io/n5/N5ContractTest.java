package org.jilastik.io.n5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.Fixtures;
import org.jilastik.io.ImageSource;
import org.jilastik.io.TestArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract on an N5 dataset written by the test per the N5 spec: int16, gzip, C-order shape (5, 9, 11) =
 * N5 dimensions [11, 9, 5], blocks [5, 4, 2] (truncated at the edges), one block absent (reads as 0), axes
 * attribute ["x","y","z"].
 */
class N5ContractTest extends AbstractImageSourceTest {
    static final long[] SHAPE = {5, 9, 11};
    static final int[] BLOCK = {2, 4, 5};

    @TempDir
    Path dir;

    @Override
    protected ImageSource open() throws IOException {
        Path ds = Files.createDirectories(dir.resolve("c.n5/volume/raw"));
        Files.writeString(dir.resolve("c.n5/attributes.json"), "{\"n5\": \"2.0.0\"}");
        Files.writeString(ds.resolve("attributes.json"), "{\"dimensions\": [11, 9, 5], \"blockSize\": [5, 4, 2], "
                + "\"dataType\": \"int16\", \"compression\": {\"type\": \"gzip\", \"level\": -1}, "
                + "\"axes\": [\"x\", \"y\", \"z\"]}");
        Block all = Fixtures.block(Axes.of("zyx"), DType.INT16, SHAPE);
        for (long gz = 0; gz < 3; gz++) {
            for (long gy = 0; gy < 3; gy++) {
                for (long gx = 0; gx < 3; gx++) {
                    if (gz == 0 && gy == 0 && gx == 0) {
                        continue; // absent block
                    }
                    Box b = ChunkGrid.chunkBox(new long[] {gz, gy, gx}, BLOCK, SHAPE);
                    Block part = TestArrays.crop(all, b);
                    ByteBuffer h = ByteBuffer.allocate(4 + 12).order(ByteOrder.BIG_ENDIAN);
                    h.putShort((short) 0).putShort((short) 3);
                    h.putInt((int) b.size(2)).putInt((int) b.size(1)).putInt((int) b.size(0));
                    ByteArrayOutputStream z = new ByteArrayOutputStream();
                    try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                        g.write(Fixtures.bytes(part, ByteOrder.BIG_ENDIAN));
                    }
                    Path f = Files.createDirectories(ds.resolve(gx + "/" + gy)).resolve(Long.toString(gz));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(h.array());
                    out.write(z.toByteArray());
                    Files.write(f, out.toByteArray());
                }
            }
        }
        return N5Source.open(dir.resolve("c.n5"), "/volume/raw");
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("zyx");
    }

    @Override
    protected long[] expectedShape() {
        return SHAPE;
    }

    @Override
    protected DType expectedDtype() {
        return DType.INT16;
    }

    @Override
    protected Block expected() {
        Block all = Fixtures.block(expectedAxes(), DType.INT16, SHAPE);
        Block zero = Block.allocate(expectedAxes(), ChunkGrid.chunkBox(new long[3], BLOCK, SHAPE), DType.INT16);
        org.jilastik.io.Regions.copy(zero.data(), zero.box(), all.data(), all.box(), zero.box());
        return all;
    }

    @Test
    void findsTheOnlyDatasetAndListsWhenMissing() {
        try (N5Source s = N5Source.open(dir.resolve("c.n5"), null)) {
            assertThat(s.shape()).containsExactly(SHAPE);
            assertThat(s.chunkShape()).containsExactly(BLOCK);
        }
        assertThatThrownBy(() -> N5Source.open(dir.resolve("c.n5"), "volume/other"))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("available datasets: [volume/raw]");
    }
}
