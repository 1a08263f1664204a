package org.jilastik.io.hdf5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.junit.jupiter.api.Test;

class Hdf5DatasetWriterTest extends AbstractImageSinkContractTest {
    private static final String DATASET = "/volume/data";

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return Hdf5DatasetWriter.create(target, DATASET, axes, shape, dtype, new long[] {2, 7, 5, 1}, 1, List.of());
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.h5");
    }

    @Override
    protected Axes axes() {
        return Axes.of("zyxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {5, 17, 23, 3};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.INT8, DType.UINT16, DType.INT16, DType.UINT32,
                DType.INT32, DType.UINT64, DType.INT64, DType.FLOAT64);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) {
        try (HdfFile f = new HdfFile(target)) {
            Dataset d = f.getDatasetByPath(DATASET);
            assertThat(d.getDimensionsAsLong()).isEqualTo(shape);
            assertThat(JhdfTestReads.dtypeOf(d)).isEqualTo(dtype);
        }
        return JhdfTestReads.readFlat(target, DATASET, dtype);
    }

    @Test
    void chunksCompressionAndAttributesAsRequested() {
        Path file = dir.resolve("a.h5");
        try (ImageSink sink = Hdf5DatasetWriter.create(file, "exported_data", Axes.of("yxc"), new long[] {60, 80, 3},
                DType.UINT16, new long[] {60, 80, 1}, 1, List.of(
                        new Hdf5DatasetWriter.StringAttribute("axistags", "{\"axes\": [ü]}"),
                        new Hdf5DatasetWriter.StringListAttribute("DIMENSION_LABELS", List.of("y", "x", "c")),
                        new Hdf5DatasetWriter.NumericAttribute("drange", DType.UINT16, new double[] {0, 65535})))) {
            sink.commit();
        }
        try (HdfFile f = new HdfFile(file)) {
            ChunkedDataset d = (ChunkedDataset) f.getDatasetByPath("exported_data");
            assertThat(d.getChunkDimensions()).containsExactly(60, 80, 1);
            assertThat(d.getFilters()).hasSize(1);
            assertThat(d.getFilters().getFirst().getName()).isEqualTo("deflate");
            assertThat(d.getFilters().getFirst().getFilterData()).containsExactly(1);
            assertThat(d.getAttribute("axistags").getData()).isEqualTo("{\"axes\": [ü]}");
            assertThat((String[]) d.getAttribute("DIMENSION_LABELS").getData()).containsExactly("y", "x", "c");
            Object drange = d.getAttribute("drange").getData();
            assertThat(JhdfTestReads.toStorage(drange, DType.UINT16)).isEqualTo(new short[] {0, (short) 65535});
        }
    }

    @Test
    void uncompressedWhenLevelZero() {
        Path file = dir.resolve("b.h5");
        try (ImageSink sink = Hdf5DatasetWriter.create(file, "x", Axes.of("yx"), new long[] {4, 4}, DType.FLOAT32,
                new long[] {4, 4}, 0, List.of())) {
            sink.commit();
        }
        try (HdfFile f = new HdfFile(file)) {
            assertThat(f.getDatasetByPath("x").getFilters()).isEmpty();
        }
    }

    @Test
    void existingFileKeepsOtherContentAndReplacesOnlyTheTarget() throws IOException {
        Path file = dir.resolve("c.h5");
        float[] keep = {1, 2, 3, 4};
        try (ImageSink sink = Hdf5DatasetWriter.create(file, "/keep/me", Axes.of("yx"), new long[] {2, 2},
                DType.FLOAT32, new long[] {2, 2}, 0, List.of())) {
            sink.write(new Block(Axes.of("yx"), Box.ofShape(2L, 2L), DType.FLOAT32, keep));
            sink.commit();
        }
        for (float v : new float[] {7, 9}) {
            try (ImageSink sink = Hdf5DatasetWriter.create(file, "/volume/data", Axes.of("yx"), new long[] {1, 3},
                    DType.FLOAT32, new long[] {1, 3}, 1, List.of())) {
                sink.write(new Block(Axes.of("yx"), Box.ofShape(1L, 3L), DType.FLOAT32, new float[] {v, v, v}));
                sink.commit();
            }
        }
        // an aborted replacement leaves the previous target in place and no temporary dataset
        try (ImageSink sink = Hdf5DatasetWriter.create(file, "/volume/data", Axes.of("yx"), new long[] {1, 3},
                DType.FLOAT32, new long[] {1, 3}, 1, List.of())) {
            sink.write(new Block(Axes.of("yx"), Box.ofShape(1L, 3L), DType.FLOAT32, new float[] {5, 5, 5}));
            assertThat(JhdfTestReads.readFlat(file, "/volume/data", DType.FLOAT32)).isEqualTo(new float[] {9, 9, 9});
        }
        assertThat(JhdfTestReads.readFlat(file, "/keep/me", DType.FLOAT32)).isEqualTo(keep);
        assertThat(JhdfTestReads.readFlat(file, "/volume/data", DType.FLOAT32)).isEqualTo(new float[] {9, 9, 9});
        try (HdfFile f = new HdfFile(file)) {
            assertThat(f.getByPath("/volume").getParent()).isNotNull();
            assertThat(((io.jhdf.api.Group) f.getByPath("/volume")).getChildren().keySet()).containsExactly("data");
        }
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void notAnHdf5FileIsOneSentence() throws IOException {
        Path file = dir.resolve("d.h5");
        Files.writeString(file, "not hdf5");
        assertThatThrownBy(() -> Hdf5DatasetWriter.create(file, "x", Axes.of("yx"), new long[] {1, 1}, DType.UINT8,
                new long[] {1, 1}, 0, List.of()))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("existing HDF5 file " + file)
                .hasMessageNotContaining("\n");
        assertThat(Files.readString(file)).isEqualTo("not hdf5");
    }

    @Test
    void missingDirectoryIsOneSentence() {
        Path file = dir.resolve("no/such/dir/e.h5");
        assertThatThrownBy(() -> Hdf5DatasetWriter.create(file, "x", Axes.of("yx"), new long[] {1, 1}, DType.UINT8,
                new long[] {1, 1}, 0, List.of()))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("cannot create the HDF5 file");
    }
}
