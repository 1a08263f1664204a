package org.jilastik.io.zarr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.ChunkGrid;
import org.jilastik.io.Fixtures;
import org.jilastik.io.ImageSource;
import org.jilastik.io.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract on a Zarr v3 array written by the test: float32, codecs bytes(big endian) + gzip, default chunk keys
 * {@code c/i/j}, shape (6, 10), chunks (4, 4), dimension_names ["x", "y"] (so axes xy).
 */
class ZarrV3ContractTest extends AbstractImageSourceTest {
    static final long[] SHAPE = {6, 10};
    static final int[] CHUNK = {4, 4};

    @TempDir
    Path tmp;

    @Override
    protected ImageSource open() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("v3.zarr"));
        Files.writeString(a.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"array\", \"shape\": [6, 10],"
                + " \"data_type\": \"float32\", \"chunk_grid\": {\"name\": \"regular\", \"configuration\": "
                + "{\"chunk_shape\": [4, 4]}}, \"chunk_key_encoding\": {\"name\": \"default\", \"configuration\": "
                + "{\"separator\": \"/\"}}, \"fill_value\": \"NaN\", \"codecs\": [{\"name\": \"bytes\", "
                + "\"configuration\": {\"endian\": \"big\"}}, {\"name\": \"gzip\", \"configuration\": {\"level\": 5}}],"
                + " \"dimension_names\": [\"x\", \"y\"], \"attributes\": {}}");
        Block all = expected();
        for (long gy = 0; gy < 2; gy++) {
            for (long gx = 0; gx < 3; gx++) {
                Box full = ChunkGrid.chunkBox(new long[] {gy, gx}, CHUNK);
                Block padded = Block.allocate(all.axes(), full, DType.FLOAT32);
                Regions.copy(all.data(), all.box(), padded.data(), full, full.intersect(all.box()));
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                    g.write(Fixtures.bytes(padded, ByteOrder.BIG_ENDIAN));
                }
                Files.write(Files.createDirectories(a.resolve("c/" + gy)).resolve(Long.toString(gx)), z.toByteArray());
            }
        }
        return ZarrSource.open(a, "");
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("xy");
    }

    @Override
    protected long[] expectedShape() {
        return SHAPE;
    }

    @Override
    protected DType expectedDtype() {
        return DType.FLOAT32;
    }

    @Override
    protected Block expected() {
        return Fixtures.block(expectedAxes(), DType.FLOAT32, SHAPE);
    }

    @Test
    void namesComeFromMetadataAndZstdIsRefusedByName() throws IOException {
        assertThat(source.axesOrigin()).isEqualTo(AxesOrigin.METADATA);
        Path b = Files.createDirectories(tmp.resolve("b.zarr"));
        Files.writeString(b.resolve(".zarray"), "{\"chunks\": [2, 2], \"compressor\": {\"id\": \"zstd\"}, "
                + "\"dtype\": \"|u1\", \"fill_value\": 0, \"filters\": null, \"order\": \"C\", \"shape\": [4, 4], "
                + "\"zarr_format\": 2}");
        assertThatThrownBy(() -> ZarrSource.open(b, null)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("compressor 'zstd'");
    }
}
