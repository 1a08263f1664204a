package org.jilastik.io.hdf5;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ImageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract on a synthetic int32 dataset written by jhdf with deflate and chunks that do not divide the shape,
 * so edge chunks are partly outside the image; axes from a vigra axistags attribute.
 */
class Hdf5EdgeChunksContractTest extends AbstractImageSourceTest {
    private static final int[] SHAPE = {5, 37, 53};

    @TempDir
    Path dir;

    static int value(int z, int y, int x) {
        return z * 1_000_000 - y * 1000 + x * 7 - 5;
    }

    @Override
    protected ImageSource open() {
        Path file = dir.resolve("edge.h5");
        int[][][] data = new int[SHAPE[0]][SHAPE[1]][SHAPE[2]];
        for (int z = 0; z < SHAPE[0]; z++) {
            for (int y = 0; y < SHAPE[1]; y++) {
                for (int x = 0; x < SHAPE[2]; x++) {
                    data[z][y][x] = value(z, y, x);
                }
            }
        }
        try (WritableHdfFile w = HdfFile.write(file)) {
            WritableDataset d = w.putDataset("data", data,
                    DatasetCreationOptions.builder().chunkDimensions(2, 8, 16).deflate().build());
            d.putAttribute("axistags", "{\"axes\": [{\"key\": \"z\"}, {\"key\": \"y\"}, {\"key\": \"x\"}]}");
        }
        return Hdf5Source.open(file, "/data", null);
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("zyx");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {5, 37, 53};
    }

    @Override
    protected DType expectedDtype() {
        return DType.INT32;
    }

    @Override
    protected Block expected() {
        Block b = Block.allocate(expectedAxes(), Box.ofShape(SHAPE), DType.INT32);
        int[] d = (int[]) b.data();
        int i = 0;
        for (int z = 0; z < SHAPE[0]; z++) {
            for (int y = 0; y < SHAPE[1]; y++) {
                for (int x = 0; x < SHAPE[2]; x++) {
                    d[i++] = value(z, y, x);
                }
            }
        }
        return b;
    }

    @Test
    void reportsChunkShape() {
        assertThat(source.chunkShape()).containsExactly(2, 8, 16);
    }
}
