package org.jilastik.io.tiff;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.ImageSource;
import org.jilastik.io.hdf5.Hdf5Source;

/** Contract on a real 1-page RGB TIFF (samples become c); pixels must equal the same case's HDF5 (yxc). */
class TiffRgbContractTest extends AbstractImageSourceTest {
    private static final String DIR = "../shared/testdata/ilastik-ref/new-2d-3channel/";

    @Override
    protected ImageSource open() {
        return TiffSource.open(Path.of(DIR + "rgb2d.tif"));
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("yxc");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {256, 320, 3};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT8;
    }

    @Override
    protected Block expected() {
        try (ImageSource h5 = Hdf5Source.open(Path.of(DIR + "rgb2d.h5"), "data", null)) {
            return h5.readAll();
        }
    }
}
