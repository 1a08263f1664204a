package org.jilastik.io.tiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.DType;
import org.jilastik.array.Transpose;
import org.jilastik.io.AbstractImageSinkContractTest;
import org.jilastik.io.ImageSink;
import org.jilastik.io.ImageSource;
import org.jilastik.io.TestArrays;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;

/**
 * {@link MultipageTiffWriter}: the sink contract (read back page by page through jilastik's {@link TiffSource}),
 * and the files of ilastik's {@code multipage tiff} export (export-options case) reproduced from its HDF5 export of
 * the same probabilities / segmentation: same pixel data, same tags on every page, same OME-XML apart from UUID and
 * Creator.
 */
class MultipageTiffWriterTest extends AbstractImageSinkContractTest {
    static final Path OUT = Path.of("../shared/testdata/ilastik-ref/export-options/out");

    @Override
    protected ImageSink create(Path target, Axes axes, long[] shape, DType dtype) {
        return new MultipageTiffWriter(target, axes, shape, dtype,
                OmeTiffXml.of(shape, dtype, a -> 0, a -> null, "test"), "test");
    }

    @Override
    protected Path target(Path dir) {
        return dir.resolve("out.tiff");
    }

    @Override
    protected Axes axes() {
        return Axes.of("tzcyx");
    }

    @Override
    protected long[] shape() {
        return new long[] {2, 3, 2, 7, 9};
    }

    @Override
    protected List<DType> dtypes() {
        return List.of(DType.FLOAT32, DType.UINT8, DType.INT16, DType.FLOAT64, DType.UINT32);
    }

    @Override
    protected Object readBack(Path target, Axes axes, long[] shape, DType dtype) throws IOException {
        assertThat(TiffPages.read(target)).hasSize(12);
        try (TiffSource s = TiffSource.open(target)) {
            return s.readAll().data();
        }
    }

    /** ilastik's HDF5 export of the same source, reordered to tzcyx. */
    static Block reference(String h5, String axes) {
        try (ImageSource s = Hdf5Source.open(OUT.resolve(h5), "exported_data", null)) {
            Block b = s.readAll();
            return Transpose.to(new Block(Axes.of(axes), b.box(), b.dtype(), b.data()), Axes.of("tzcyx"), null);
        }
    }

    Path write(Block tzcyx, String name) {
        Path f = dir.resolve(name);
        long[] shape = tzcyx.box().stop();
        try (ImageSink sink = new MultipageTiffWriter(f, tzcyx.axes(), shape, tzcyx.dtype(),
                OmeTiffXml.of(shape, tzcyx.dtype(), a -> 0, a -> null, "jilastik"), "jilastik")) {
            sink.write(tzcyx);
            sink.commit();
        }
        return f;
    }

    static void assertSameAsIlastik(Path ours, Path ref, String sha) throws IOException {
        try (TiffSource o = TiffSource.open(ours); TiffSource r = TiffSource.open(ref)) {
            Block a = o.readAll();
            TestArrays.assertSameValues(a, r.readAll());
            assertThat(TestArrays.sha256(a)).isEqualTo(sha);
        }
        assertThat(TiffPages.layoutTags(ours)).isEqualTo(TiffPages.layoutTags(ref));
        List<Map<Integer, Object>> op = TiffPages.read(ours);
        List<Map<Integer, Object>> rp = TiffPages.read(ref);
        assertThat(omeWithoutIds((String) op.getFirst().get(270)))
                .isEqualTo(omeWithoutIds((String) rp.getFirst().get(270)));
        assertThat(op.getFirst().get(305)).isEqualTo("jilastik");
    }

    static String omeWithoutIds(String xml) {
        Matcher m = Pattern.compile(" UUID=\"[^\"]*\"\\s+Creator=\"[^\"]*\"").matcher(xml);
        assertThat(m.find()).as("UUID and Creator in %s", xml).isTrue();
        return m.replaceAll("");
    }

    @Test
    void threeDimensionalProbabilitiesAsIlastikWritesThem() throws IOException {
        // 5 z x 3 channels = 15 pages, z-major; float32 kept
        Block probs = reference("3d_hdf5_default/ex3d-data_Probabilities.h5", "zyxc");
        assertSameAsIlastik(write(probs, "p.tiff"), OUT.resolve("3d_multipage_tiff/ex3d-data_Probabilities.tiff"),
                "1f034e9dc07fe3c3822faf253b0138eb9557b3009342007759a7772a396b566d");
    }

    @Test
    void twoDimensionalProbabilitiesAsIlastikWritesThem() throws IOException {
        Block probs = reference("2d_hdf5_default/ex2d-data_Probabilities.h5", "yxc");
        assertSameAsIlastik(write(probs, "p2.tiff"), OUT.resolve("2d_multipage_tiff/ex2d-data_Probabilities.tiff"),
                "d3f9a037c26521044c6953ce97e633e5e333bc2f078d7343da362294b2a5fda6");
    }

    @Test
    void segmentationKeepsUint8WithoutSampleFormat() throws IOException {
        Block seg = reference("3d_ph_roi_z/ex3d-data_Simple Segmentation_z0-5_[(0, 0, 0, 0), (5, 40, 48, 1)].h5",
                "zyxc");
        assertSameAsIlastik(write(seg, "s.tiff"),
                OUT.resolve("3d_multipage_tiff_segmentation/ex3d-data_Simple Segmentation.tiff"),
                "964151317c113e8a26b133e017fe9ff73a2d53f2028e0ffaca7aa343cef6aadc");
    }
}
