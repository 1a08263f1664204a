package org.jilastik.io.hdf5;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ImageSource;

/** Contract on a real float32 dataset, chunked with shuffle + gzip (multicut-2d boundaries, axes yxc). */
class Hdf5ShuffledFloatContractTest extends AbstractImageSourceTest {
    private static final Path FILE = Path.of("../shared/testdata/ilastik-ref/multicut-2d/cells2d_boundaries.h5");

    @Override
    protected ImageSource open() {
        return Hdf5Source.open(FILE, "data", null);
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("yxc");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {256, 640, 2};
    }

    @Override
    protected DType expectedDtype() {
        return DType.FLOAT32;
    }

    @Override
    protected Block expected() {
        return JhdfReference.read(FILE, "/data", expectedAxes(), DType.FLOAT32);
    }
}
