package org.jilastik.io.imageio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSourceTest;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.ImageSource;
import org.jilastik.io.TestArrays;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/** Contract on the axes-order case's grey PNG (read as yxc, c=1); pixels equal ax2d.h5 (the same image). */
class PngContractTest extends AbstractImageSourceTest {
    static final String AO = "../shared/testdata/ilastik-ref/axes-order/";

    @Override
    protected ImageSource open() {
        return ImageIoSource.open(Path.of(AO + "a2.png"));
    }

    @Override
    protected Axes expectedAxes() {
        return Axes.of("yxc");
    }

    @Override
    protected long[] expectedShape() {
        return new long[] {64, 96, 1};
    }

    @Override
    protected DType expectedDtype() {
        return DType.UINT8;
    }

    @Override
    protected Block expected() {
        try (ImageSource h5 = Hdf5Source.open(Path.of(AO + "ax2d.h5"), "data", null)) {
            return new Block(expectedAxes(), Box.ofShape(64, 96, 1), DType.UINT8, h5.readAll().data());
        }
    }

    @Test
    void notebookPngMatchesItsHdf5Twin() {
        try (ImageSource s = ImageIoSource.open(Path.of(
                "../shared/testdata/ilastik-ref/notebook-pc-2d-cells/2d_cells_apoptotic_1channel.png"))) {
            assertThat(s.axes()).isEqualTo(Axes.of("yxc"));
            assertThat(s.axesOrigin()).isEqualTo(AxesOrigin.FORMAT_CONVENTION);
            assertThat(s.shape()).containsExactly(1024, 1344, 1);
            // pinned with a numpy PNG decode; equals ij-2d-cells-apoptotic/2d_cells_apoptotic_1channel.h5
            assertThat(TestArrays.sha256(s.readAll()))
                    .isEqualTo("8c6211755bea755c3bc6405a7ac1ab953433375df3ad412966e6fc8abdd497b1");
        }
    }
}
