package org.jilastik.io.zarr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.Fixtures;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Regions;
import org.jilastik.io.TestArrays;

/**
 * Contract on a Zarr v2 array written by the test: uint16, zlib, shape (5, 9, 11), chunks (2, 4, 5) padded at
 * the edges, "/" separator, fill value 7 with one chunk absent; no names, so axes are guessed (zyx).
 */
class ZarrV2ContractTest extends AbstractImageSourceTest {
    static final long[] SHAPE = {5, 9, 11};
    static final int[] CHUNK = {2, 4, 5};

    Path dir;

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    @Override
    protected ImageSource open() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("s.zarr/arr"));
        Files.writeString(tmp.resolve("s.zarr/.zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(a.resolve(".zarray"), "{\"chunks\": [2, 4, 5], \"compressor\": {\"id\": \"zlib\", "
                + "\"level\": 1}, \"dtype\": \"<u2\", \"fill_value\": 7, \"filters\": null, \"order\": \"C\", "
                + "\"shape\": [5, 9, 11], \"zarr_format\": 2, \"dimension_separator\": \"/\"}");
        Block all = Fixtures.block(Axes.of("zyx"), DType.UINT16, SHAPE);
        for (long gz = 0; gz < 3; gz++) {
            for (long gy = 0; gy < 3; gy++) {
                for (long gx = 0; gx < 3; gx++) {
                    if (gz == 1 && gy == 2 && gx == 0) {
                        continue;
                    }
                    Box full = ChunkGrid.chunkBox(new long[] {gz, gy, gx}, CHUNK);
                    Block padded = Block.allocate(all.axes(), full, DType.UINT16);
                    Regions.copy(all.data(), all.box(), padded.data(), full, full.intersect(all.box()));
                    ByteArrayOutputStream z = new ByteArrayOutputStream();
                    try (DeflaterOutputStream d = new DeflaterOutputStream(z)) {
                        d.write(Fixtures.bytes(padded, ByteOrder.LITTLE_ENDIAN));
                    }
                    Path f = Files.createDirectories(a.resolve(gz + "/" + gy)).resolve(Long.toString(gx));
                    Files.write(f, z.toByteArray());
                }
            }
        }
        return ZarrSource.open(tmp.resolve("s.zarr"), null);
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
        return DType.UINT16;
    }

    @Override
    protected Block expected() {
        Block all = Fixtures.block(expectedAxes(), DType.UINT16, SHAPE);
        Box missing = ChunkGrid.chunkBox(new long[] {1, 2, 0}, CHUNK, SHAPE);
        Block seven = Block.allocate(all.axes(), missing, DType.UINT16);
        Regions.fill(seven.data(), DType.UINT16, 7);
        Regions.copy(seven.data(), missing, all.data(), all.box(), missing);
        TestArrays.crop(all, missing);
        return all;
    }
}
