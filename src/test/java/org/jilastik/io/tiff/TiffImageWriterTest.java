package org.jilastik.io.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.junit.jupiter.api.Test;

class TiffImageWriterTest extends AbstractImageSinkContractTest {
    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return new TiffImageWriter(target, axes, shape, dtype);
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.tif");
    }

    @Override
    protected Axes axes() {
        return Axes.of("yxc");
    }

    @Override
    protected long[] shape() {
        return new long[] {37, 41, 3};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.UINT16, DType.FLOAT64);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        Map<Integer, long[]> tags = TiffTestReads.tags(target);
        assertThat(tags.get(256)[1]).isEqualTo(shape[1]);
        assertThat(tags.get(257)[1]).isEqualTo(shape[0]);
        assertThat(tags.get(277)[1]).isEqualTo(shape[2]);
        return TiffTestReads.readSamples(target, dtype);
    }

    @Test
    void channelCountsGiveVigrasPhotometricAndExtraSamples() throws IOException {
        // samples -> photometric, extra samples (vigra: grey + alpha for 2, RGB + extras from 4 on)
        int[][] cases = {{1, 1, 0}, {2, 1, 1}, {3, 2, 0}, {4, 2, 1}, {8, 2, 5}};
        for (int[] c : cases) {
            Path file = dir.resolve("s" + c[0] + ".tif");
            long[] shape = {9, 13, c[0]};
            Object data = pattern(DType.UINT8, 9 * 13 * c[0], c[0]);
            try (ImageSink sink = new TiffImageWriter(file, Axes.of("yxc"), shape, DType.UINT8)) {
                sink.write(new Block(Axes.of("yxc"), Box.ofShape(shape), DType.UINT8, data));
                sink.commit();
            }
            Map<Integer, long[]> tags = TiffTestReads.tags(file);
            assertThat(tags.get(262)[1]).as("photometric for %d samples", c[0]).isEqualTo(c[1]);
            assertThat(tags.containsKey(338)).isEqualTo(c[2] > 0);
            if (c[2] > 0) {
                assertThat(tags.get(338)).hasSize(c[2] + 1).containsOnly(3L, 2L);
            }
            if (c[0] <= 4) { // TwelveMonkeys reads grey, grey+alpha, RGB and RGBA; many extra samples it does not
                assertThat(TiffTestReads.readSamples(file, DType.UINT8)).isEqualTo(data);
            }
        }
    }

    @Test
    void manyStripsAndTableResetsRoundTrip() throws IOException {
        // 700 x 800 x 3 uint8 = 1.68 MB: RowsPerStrip = 2^20 / 2400 = 436, so two strips; random bytes force
        // many LZW table resets and all code widths
        long[] shape = {700, 800, 3};
        Path file = dir.resolve("big.tif");
        Object data = pattern(DType.UINT8, 700 * 800 * 3, 99);
        byte[] bytes = (byte[]) data;
        for (int i = 0; i < 300_000; i++) {
            bytes[i] = (byte) (i / 5000); // long runs as well
        }
        try (ImageSink sink = new TiffImageWriter(file, Axes.of("yxc"), shape, DType.UINT8)) {
            sink.write(new Block(Axes.of("yxc"), Box.ofShape(shape), DType.UINT8, data));
            sink.commit();
        }
        Map<Integer, long[]> tags = TiffTestReads.tags(file);
        assertThat(tags.get(278)[1]).isEqualTo(436);
        assertThat(tags.get(273)).hasSize(3);
        assertThat(TiffTestReads.readSamples(file, DType.UINT8)).isEqualTo(data);
    }

    @Test
    void stripsArriveOutOfOrderAndStreamWithoutTheWholeImage() throws IOException {
        // 300 x 200 x 3 float32: RowsPerStrip = 2^20 / 600 = 1747 > 300 would be one strip; use uint8 2000 wide
        long[] shape = {40, 4000, 3};
        Path file = dir.resolve("bands.tif");
        Object data = pattern(DType.UINT8, 40 * 4000 * 3, 5);
        try (TiffImageWriter sink = new TiffImageWriter(file, Axes.of("yxc"), shape, DType.UINT8)) {
            assertThat(sink.rowsPerStrip()).isEqualTo(87); // 2^20 / 12000
            // bands of 7 rows, last band first: strips complete in reverse order
            for (int y0 = 35; y0 >= 0; y0 -= 7) {
                int y1 = (int) Math.min(40, y0 + 7);
                byte[] part = new byte[(y1 - y0) * 4000 * 3];
                System.arraycopy(data, y0 * 12000, part, 0, part.length);
                sink.write(new Block(Axes.of("yxc"), new Box(new long[] {y0, 0, 0}, new long[] {y1, 4000, 3}),
                        DType.UINT8, part));
            }
            sink.commit();
        }
        assertThat(TiffTestReads.readSamples(file, DType.UINT8)).isEqualTo(data);
    }

    @Test
    void bigTiffPastTheClassicLimit() throws IOException {
        long[] shape = {700, 500, 2};
        Path file = dir.resolve("big.tif");
        Object data = pattern(DType.FLOAT32, 700 * 500 * 2, 8);
        try (TiffImageWriter sink = new TiffImageWriter(file, Axes.of("yxc"), shape, DType.FLOAT32, 1000)) {
            for (int y0 = 0; y0 < 700; y0 += 123) {
                int y1 = Math.min(700, y0 + 123);
                float[] part = new float[(y1 - y0) * 1000];
                System.arraycopy(data, y0 * 1000, part, 0, part.length);
                sink.write(new Block(Axes.of("yxc"), new Box(new long[] {y0, 0, 0}, new long[] {y1, 500, 2}),
                        DType.FLOAT32, part));
            }
            sink.commit();
        }
        assertThat(TiffPages.isBigTiff(file)).isTrue();
        Map<Integer, Object> tags = TiffPages.read(file).getFirst();
        assertThat((long[]) tags.get(278)).containsExactly(1048); // 2^20 / 1000
        assertThat((long[]) tags.get(259)).containsExactly(5);
        try (TiffSource s = TiffSource.open(file)) {
            assertThat(s.readAll().data()).isEqualTo(data);
        }
    }
}
