package org.jilastik.io.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.jilastik.io.imageio.ImageIoSource;

/**
 * The sink contract for {@link VigraImageWriter} in one lossless codec, read back through jilastik's
 * {@link ImageIoSource} (JDK ImageIO and TwelveMonkeys readers). The dtypes are ones the codec stores, so the
 * values must come back unchanged.
 */
abstract class VigraImageContract extends AbstractImageSinkContractTest {
    abstract VigraImageFormat format();

    abstract String extension();

    /** Channels of the test image. */
    int channels() {
        return 3;
    }

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return new VigraImageWriter(format(), target, axes, shape, dtype);
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out." + extension());
    }

    @Override
    protected Axes axes() {
        return Axes.of("yxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {37, 41, channels()};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.UINT8);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        try (ImageIoSource s = ImageIoSource.open(target)) {
            Block all = s.readAll();
            return firstChannels(all, (int) shape[2]);
        }
    }

    /** The first {@code n} channels (a palette image reads back as RGB with equal channels). */
    static Object firstChannels(Block all, int n) {
        int have = all.shape()[2];
        if (have == n) {
            return all.data();
        }
        int pixels = all.size() / have;
        Object out = Block.newStorage(all.dtype(), pixels * n);
        for (int p = 0; p < pixels; p++) {
            System.arraycopy(all.data(), p * have, out, p * n, n);
        }
        return out;
    }
}
