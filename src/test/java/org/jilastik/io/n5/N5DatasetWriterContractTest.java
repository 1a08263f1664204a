package org.jilastik.io.n5;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.jilastik.io.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for raw {@link N5DatasetWriter} output, read back with {@link N5Source}; the metadata per
 * the N5 spec; appending to an existing container.
 */
class N5DatasetWriterContractTest extends AbstractImageSinkContractTest {
    static final int[] BLOCK = {2, 4, 5, 1};

    boolean gzip() {
        return false;
    }

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return N5DatasetWriter.create(target, "exported_data", axes, shape, dtype, BLOCK, gzip(),
                Map.of("axistags", "{}", "axes", axes.reversed().letters()));
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.n5");
    }

    @Override
    protected Axes axes() {
        return Axes.of("zyxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {5, 9, 11, 2};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.INT8, DType.UINT16, DType.INT16, DType.UINT32, DType.INT64,
                DType.FLOAT64);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) {
        try (N5Source s = N5Source.open(target, "exported_data")) {
            assertThat(s.shape()).isEqualTo(shape);
            assertThat(s.dtype()).isEqualTo(dtype);
            assertThat(s.chunkShape()).isEqualTo(BLOCK);
            return s.read(Box.ofShape(shape)).data();
        }
    }

    @Test
    void metadataFollowsTheN5Spec() throws IOException {
        Path target = target(dir);
        try (ImageSink sink = create(target, axes(), shape(), DType.UINT16)) {
            sink.commit();
        }
        assertThat(Json.parseObject(Files.readString(target.resolve("attributes.json")))).isEqualTo(
                Map.of("n5", "2.0.0"));
        Map<String, Object> a = Json.parseObject(Files.readString(target.resolve("exported_data/attributes.json")));
        assertThat(a.get("dimensions")).isEqualTo(List.of(2L, 11L, 9L, 5L));
        assertThat(a.get("blockSize")).isEqualTo(List.of(1L, 5L, 4L, 2L));
        assertThat(a.get("dataType")).isEqualTo("uint16");
        assertThat(a.get("axes")).isEqualTo("cxyz");
        assertThat(a.get("compression")).isEqualTo(gzip() ? Map.of("type", "gzip", "level", 1L, "useZlib", false)
                : Map.of("type", "raw"));
    }

    @Test
    void edgeBlocksAreTruncatedWithBigEndianHeaders() throws IOException {
        Path target = target(dir);
        Block all = Block.allocate(axes(), Box.ofShape(shape()), DType.INT16);
        try (ImageSink sink = create(target, axes(), shape(), DType.INT16)) {
            sink.write(all);
            sink.commit();
        }
        // block (x 2, y 2, z 2, c 1) is the corner: extents 1 (11 - 10), 1 (9 - 8), 1 (5 - 4), 1
        byte[] f = Files.readAllBytes(target.resolve("exported_data/1/2/2/2"));
        byte[] payload = gzip() ? org.jilastik.io.Inflate.inflate(f, 20, f.length - 20)
                : java.util.Arrays.copyOfRange(f, 20, f.length);
        assertThat(java.util.Arrays.copyOf(f, 20)).isEqualTo(new byte[] {0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0,
                0, 1, 0, 0, 0, 1});
        assertThat(payload).hasSize(2);
    }

    @Test
    void anExistingContainerKeepsItsOtherDatasets() throws IOException {
        Path target = target(dir);
        Object first = pattern(DType.FLOAT32, 5 * 9 * 11 * 2, 1);
        try (ImageSink s = N5DatasetWriter.create(target, "/other/data", axes(), shape(), DType.FLOAT32, BLOCK,
                gzip(), Map.of())) {
            s.write(new Block(axes(), Box.ofShape(shape()), DType.FLOAT32, first));
            s.commit();
        }
        try (ImageSink s = create(target, axes(), shape(), DType.FLOAT32)) {
            s.write(new Block(axes(), Box.ofShape(shape()), DType.FLOAT32, pattern(DType.FLOAT32, 990, 2)));
            s.commit();
        }
        try (ImageSink s = N5DatasetWriter.create(target, "/other/nested/data", axes(), shape(), DType.FLOAT32,
                BLOCK, gzip(), Map.of())) {
            s.abort(); // an aborted dataset in a new group leaves no group behind
        }
        try (N5Source s = N5Source.open(target, "other/data")) {
            assertThat(s.read(Box.ofShape(shape())).data()).isEqualTo(first);
        }
        assertThat(readBack(target, axes(), shape(), DType.FLOAT32)).isEqualTo(pattern(DType.FLOAT32, 990, 2));
        try (var names = Files.list(target.resolve("other"))) {
            assertThat(names.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("attributes.json", "data");
        }
        assertThat(Files.readString(target.resolve("other/attributes.json"))).isEqualTo("{}");
    }
}
