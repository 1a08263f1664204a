package org.jilastik.io.zarr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;

/**
 * The sink contract for {@link OmeZarrWriter} (OME-NGFF 0.4, Zarr v2, single scale), read back with
 * {@link ZarrSource} from the group root (which opens {@code s0} and takes the axes from {@code multiscales}).
 */
class OmeZarrV04ContractTest extends AbstractImageSinkContractTest {
    static final int[] CHUNK = {1, 1, 2, 4, 5};

    OmeZarrOptions options() {
        return OmeZarrOptions.plain(2, false, Downsample.MEAN);
    }

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return OmeZarrWriter.create(target, shape, dtype, CHUNK, options());
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.zarr");
    }

    @Override
    protected Axes axes() {
        return Axes.of("tczyx");
    }

    @Override
    protected long[] shape() {
        return new long[] {2, 3, 5, 9, 11};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.BOOL, DType.INT16, DType.UINT32, DType.INT64,
                DType.FLOAT64);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) {
        try (ZarrSource s = ZarrSource.open(target, null)) {
            assertThat(s.axes()).isEqualTo(Axes.of("tczyx"));
            assertThat(s.shape()).isEqualTo(shape);
            assertThat(s.dtype()).isEqualTo(dtype);
            assertThat(s.chunkShape()).isEqualTo(CHUNK);
            return s.read(Box.ofShape(shape)).data();
        }
    }
}
