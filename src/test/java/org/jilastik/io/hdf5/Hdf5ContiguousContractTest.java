package org.jilastik.io.hdf5;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ImageSource;

/** Contract on a real contiguous (unchunked) uint8 dataset: bench/tiny3d.h5, axes zyx. */
class Hdf5ContiguousContractTest extends AbstractImageSourceTest {
    private static final Path FILE = Path.of("../shared/testdata/bench/tiny3d.h5");

    @Override
    protected ImageSource open() {
        return Hdf5Source.open(FILE, null, null);
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("zyx");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {48, 48, 48};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT8;
    }

    @Override
    protected Block expected() {
        return JhdfReference.read(FILE, "/data", expectedAxes(), DType.UINT8);
    }
}
