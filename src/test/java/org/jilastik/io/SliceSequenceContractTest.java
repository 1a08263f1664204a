package org.jilastik.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.io.image.VigraImageFormat;
import org.jilastik.io.image.VigraImageWriter;
import org.jilastik.io.imageio.ImageIoSource;

/**
 * {@link SliceSequenceSink} contract: a {@code zyxc} array written as one PNG per z (the {@code png sequence}
 * layout), read back file by file through {@link ImageIoSource}. Blocks spanning several slices and parts of
 * slices, in any order, must give complete files that appear only at commit.
 */
class SliceSequenceContractTest extends AbstractImageSinkContractTest {
    static final int SLICES = 4;

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return new SliceSequenceSink(axes, shape, dtype, 0, finalFiles(target), Axes.of("yxc"),
                (f, a, s, d) -> new VigraImageWriter(VigraImageFormat.PNG, f, a, s, d));
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("seq_0.png");
    }

    @Override
    protected List<Path> finalFiles(Path target) {
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < SLICES; k++) {
            files.add(target.resolveSibling("seq_" + k + ".png"));
        }
        return files;
    }

    @Override
    protected Axes axes() {
        return Axes.of("zyxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {SLICES, 9, 11, 3};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.UINT8, DType.UINT16);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        int plane = (int) (shape[1] * shape[2] * shape[3]);
        Object all = Block.newStorage(dtype, plane * SLICES);
        List<Path> files = finalFiles(target);
        for (int k = 0; k < SLICES; k++) {
            try (ImageIoSource s = ImageIoSource.open(files.get(k))) {
                System.arraycopy(s.readAll().data(), 0, all, k * plane, plane);
            }
        }
        return all;
    }
}
