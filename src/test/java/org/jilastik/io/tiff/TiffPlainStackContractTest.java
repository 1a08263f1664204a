package org.jilastik.io.tiff;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ImageSource;
import org.jilastik.io.hdf5.Hdf5Source;

/** Contract on a real plain multi-page TIFF (24 pages, read as tyx); pixels must equal the same case's HDF5. */
class TiffPlainStackContractTest extends AbstractImageSourceTest {
    private static final String DIR = "../shared/testdata/ilastik-ref/new-3d-computein2d/";

    @Override
    protected ImageSource open() {
        return TiffSource.open(Path.of(DIR + "c2d3d.tif"));
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("tyx");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {24, 96, 80};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT8;
    }

    @Override
    protected Block expected() {
        try (ImageSource h5 = Hdf5Source.open(Path.of(DIR + "c2d3d.h5"), "data", null)) {
            Block b = h5.readAll();
            return new Block(expectedAxes(), b.box(), b.dtype(), b.data());
        }
    }
}
