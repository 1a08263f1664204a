package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.DType;
import org.junit.jupiter.api.Test;

class ChunkShapesTest {
    private static final Path OUT = Path.of("../shared/testdata/ilastik-ref/export-options/out");

    @Test
    void determineBlockShapeAsLazyflow() {
        // lazyflow's doctests and values computed with its determineBlockShape in CPython
        assertThat(ChunkShapes.determineBlockShape(new long[] {1000, 2000, 3000, 1}, 1e6)).containsExactly(100, 100, 100, 1);
        assertThat(ChunkShapes.determineBlockShape(new long[] {1, 100, 5, 200, 3}, 1000)).containsExactly(1, 8, 5, 8, 3);
        assertThat(ChunkShapes.determineBlockShape(new long[] {1, 2, 3, 2, 1}, 1000)).containsExactly(1, 2, 3, 2, 1);
        assertThat(ChunkShapes.determineBlockShape(new long[] {10000, 10000, 1}, 128000.0)).containsExactly(358, 357, 1);
        assertThat(ChunkShapes.determineBlockShape(new long[] {500, 2048, 2048, 1}, 128000.0)).containsExactly(50, 51, 50, 1);
        assertThat(ChunkShapes.determineBlockShape(new long[] {1, 300, 4000, 5000, 1}, 512000.0))
                .containsExactly(1, 80, 80, 80, 1);
        assertThat(ChunkShapes.determineBlockShape(new long[] {7, 1000, 1000, 1}, 64000.0)).containsExactly(7, 96, 95, 1);
    }

    @Test
    void sameChunksAsIlastiksFiles() {
        Object[][] cases = {
            {"2d_hdf5_default/ex2d-data_Probabilities.h5", "yxc", DType.FLOAT32},
            {"2d_axis_cyx/ex2d-data_Probabilities.h5", "cyx", DType.FLOAT32},
            {"2d_axis_xyc/ex2d-data_Probabilities.h5", "xyc", DType.FLOAT32},
            {"2d_axis_tzyxc/ex2d-data_Probabilities.h5", "tzyxc", DType.FLOAT32},
            {"2d_axis_yx_segmentation/ex2d-data_Simple Segmentation.h5", "yx", DType.UINT8},
            {"2d_dtype_float64_segmentation/ex2d-data_Simple Segmentation.h5", "yxc", DType.FLOAT64},
            {"3d_hdf5_default/ex3d-data_Probabilities.h5", "zyxc", DType.FLOAT32},
            {"3d_axis_czyx/ex3d-data_Probabilities.h5", "czyx", DType.FLOAT32},
            {"3d_axis_xyzc/ex3d-data_Probabilities.h5", "xyzc", DType.FLOAT32},
        };
        for (Object[] c : cases) {
            try (HdfFile f = new HdfFile(OUT.resolve((String) c[0]))) {
                ChunkedDataset d = (ChunkedDataset) f.getDatasetByPath("exported_data");
                long[] expected = java.util.Arrays.stream(d.getChunkDimensions()).asLongStream().toArray();
                assertThat(ChunkShapes.hdf5(Axes.of((String) c[1]), d.getDimensionsAsLong(), (DType) c[2]))
                        .as((String) c[0]).containsExactly(expected);
            }
        }
    }
}
