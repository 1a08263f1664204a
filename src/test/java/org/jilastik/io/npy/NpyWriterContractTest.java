package org.jilastik.io.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.junit.jupiter.api.Test;

/**
 * The sink contract for {@link NpyWriter}, read back with {@link NpySource}; and the header bytes numpy wrote for
 * ilastik's numpy exports of the export-options case.
 */
class NpyWriterContractTest extends AbstractImageSinkContractTest {
    static final Path REF = Path.of("../shared/testdata/ilastik-ref/export-options/out");

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return NpyWriter.create(target, axes, shape, dtype);
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.npy");
    }

    @Override
    protected Axes axes() {
        return Axes.of("zyxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {3, 7, 10, 2};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.BOOL, DType.INT8, DType.UINT16, DType.INT32, DType.UINT64,
                DType.FLOAT64);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) {
        try (NpySource s = NpySource.open(target)) {
            assertThat(s.shape()).isEqualTo(shape);
            assertThat(s.dtype()).isEqualTo(dtype);
            return s.read(Box.ofShape(shape)).data();
        }
    }

    @Test
    void headerIsByteForByteNumpys() throws IOException {
        byte[] ref2 = Files.readAllBytes(REF.resolve("2d_numpy/ex2d-data_Probabilities.npy"));
        byte[] ref3 = Files.readAllBytes(REF.resolve("3d_numpy/ex3d-data_Probabilities.npy"));
        byte[] h2 = NpyWriter.header(DType.FLOAT32, new long[] {60, 80, 3});
        byte[] h3 = NpyWriter.header(DType.FLOAT32, new long[] {5, 40, 48, 3});
        assertThat(h2).isEqualTo(Arrays.copyOf(ref2, h2.length));
        assertThat(h3).isEqualTo(Arrays.copyOf(ref3, h3.length));
        assertThat(ref2.length - h2.length).isEqualTo(60 * 80 * 3 * 4);
        assertThat(ref3.length - h3.length).isEqualTo(5 * 40 * 48 * 3 * 4);
    }

    @Test
    void headersOfOtherShapesAreAlignedAndParse() {
        for (long[] shape : new long[][] {{7}, {1, 2, 3, 4, 5}, {123456789L, 2}}) {
            for (DType t : new DType[] {DType.UINT8, DType.INT64, DType.BOOL}) {
                byte[] h = NpyWriter.header(t, shape);
                assertThat(h.length % 64).isZero();
                assertThat(h[h.length - 1]).isEqualTo((byte) '\n');
                String text = new String(h, 10, h.length - 10, java.nio.charset.StandardCharsets.ISO_8859_1);
                NpyHeader p = NpyHeader.parse(text, h.length);
                assertThat(p.shape()).isEqualTo(shape);
                assertThat(p.dtype()).isEqualTo(t);
                assertThat(p.fortranOrder()).isFalse();
            }
        }
        assertThat(new String(NpyWriter.header(DType.UINT16, new long[] {7}), 10, 60,
                java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("{'descr': '<u2', 'fortran_order': False, "
                        + "'shape': (7,), }");
    }
}
