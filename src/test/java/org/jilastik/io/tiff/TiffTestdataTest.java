package org.jilastik.io.tiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.ImageSource;
import org.jilastik.io.TestArrays;
import org.jilastik.io.hdf5.Hdf5Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TIFF input under ../shared/testdata (axes as ilastik reads them, pixels pinned by sha256 and equal to
 * the HDF5 twin of each case) and synthetic files for the metadata conventions and sample types.
 */
class TiffTestdataTest {
    static final String TD = "../shared/testdata/ilastik-ref/";

    @TempDir
    Path dir;

    static Stream<Arguments> inputs() {
        return Stream.of(
                row("axes-order/a2_plain.tif", null, "yx",
                        "3a673668b209535fe02e94548d35e45265713baec6da64948c7ad5a34c1d794a", 64, 96),
                row("axes-order/a3_plain.tif", null, "tyx",
                        "7d7447611945a214a2e743082cfef25848601495e07c19cce0aac257e57c4d20", 12, 32, 40),
                row("axes-order/a3_imagej.tif", null, "zyx",
                        "7d7447611945a214a2e743082cfef25848601495e07c19cce0aac257e57c4d20", 12, 32, 40),
                row("counting-2d/cells2d.tif", "counting-2d/cells2d.h5", "yx",
                        "6707bf050d9e90d30d5fe26f82d61692007a3b453d7fee9b77edaeef160f7d15", 160, 200),
                row("export-options/ex2d.tif", "export-options/ex2d.h5", "yx",
                        "fcb5ead2f6756f7ce5e3f22bea0da9abca54e7c01fda15caae3abf9e788d5a31", 60, 80),
                row("export-options/ex3d.tif", "export-options/ex3d.h5", "tyx",
                        "3225a232ee4ba86d7fef1c2f93fc80f98067643430fa6d8b55b78ac1859c5241", 5, 40, 48),
                row("ij-2d-cells-apoptotic/2d_cells_apoptotic.tif", null, "yx",
                        "8c6211755bea755c3bc6405a7ac1ab953433375df3ad412966e6fc8abdd497b1", 1024, 1344),
                row("new-2d-1ch-3class/blobs2d.tif", "new-2d-1ch-3class/blobs2d.h5", "yx",
                        "d4120d5b7b0cc0f31207fcfba245446cb7d969e237a67dc9cc985bcf56303e3b", 384, 384),
                row("new-2d-3channel/rgb2d.tif", "new-2d-3channel/rgb2d.h5", "yxc",
                        "1224ba1c3afa1091bb105955e4af7ed21b55fefefdae49a16410c964353b37c0", 256, 320, 3),
                row("new-2d-allfeatures/allfeat2d.tif", "new-2d-allfeatures/allfeat2d.h5", "yx",
                        "fb2f0db8c0392511c48daf4637d56deb27bda5ba3208aef225a575ba2f7c3404", 256, 300),
                row("new-3d-allfeatures/blobs3d.tif", "new-3d-allfeatures/blobs3d.h5", "tyx",
                        "fbc744fb2883f8244e97d5ef9155b4d85f0b519abb9a975b81e32ca7dbf2d8d9", 64, 64, 64),
                row("new-3d-computein2d/c2d3d.tif", "new-3d-computein2d/c2d3d.h5", "tyx",
                        "6722c149bab880aa1c4827535e058a37683fd3939a5dff48340f31b0bda998cb", 24, 96, 80),
                row("new-autocontext-2d/ac2d.tif", "new-autocontext-2d/ac2d.h5", "yx",
                        "71588c9148d8f7dc0dc3be746ee4791912f87942d5f1fc93507686ba01b7c195", 256, 256),
                row("oc-from-segmentation-2d/ocseg_mask.tif", "oc-from-segmentation-2d/ocseg_mask.h5", "yx",
                        "da647d31579d9b00bcf2599704fe807d5904f973083841b8b4de9a391eb2cd13", 200, 240),
                row("oc-from-segmentation-2d/ocseg_raw.tif", "oc-from-segmentation-2d/ocseg_raw.h5", "yx",
                        "71229d6c18433944b650d22b62955b56d0c472b21b746395a5c137703a3394de", 200, 240));
    }

    static Arguments row(String tif, String h5, String axes, String sha, long... shape) {
        return Arguments.of(tif, h5, axes, sha, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsInput(String tif, String h5, String axes, String sha, long[] shape) {
        try (TiffSource s = TiffSource.open(Path.of(TD + tif))) {
            assertThat(s.axes()).isEqualTo(Axes.of(axes));
            assertThat(s.shape()).containsExactly(shape);
            assertThat(s.dtype()).isEqualTo(DType.UINT8);
            Block all = s.readAll();
            assertThat(TestArrays.sha256(all)).isEqualTo(sha);
            if (h5 != null) {
                try (ImageSource twin = Hdf5Source.open(Path.of(TD + h5), "data", null)) {
                    assertThat(TestArrays.sha256(twin.readAll())).isEqualTo(sha);
                }
            }
        }
    }

    @Test
    void axesOriginsFollowTheConventions() {
        try (TiffSource plain = TiffSource.open(Path.of(TD + "axes-order/a3_plain.tif"));
                TiffSource ij = TiffSource.open(Path.of(TD + "axes-order/a3_imagej.tif"))) {
            assertThat(plain.axesOrigin()).isEqualTo(AxesOrigin.FORMAT_CONVENTION);
            assertThat(plain.axesNote()).contains("time");
            assertThat(ij.axesOrigin()).isEqualTo(AxesOrigin.METADATA);
        }
    }

    @Test
    void floatLzwPredictorTiffMatchesIlastikProbabilities() {
        // ilastik4ij's float32 2-sample probability map (LZW, floating-point predictor) against the
        // probabilities real ilastik computed for the same image: README says mean |diff| 1e-7, max 0.05.
        try (TiffSource s = TiffSource.open(
                        Path.of(TD + "ij-2d-cells-apoptotic/2d_cells_apoptotic_1channel-data_Probabilities.tif"));
                ImageSource ref = Hdf5Source.open(
                        Path.of(TD + "ij-2d-cells-apoptotic/out/2d_cells_apoptotic_Probabilities.h5"), null, null)) {
            assertThat(s.axes()).isEqualTo(Axes.of("yxc"));
            assertThat(s.shape()).containsExactly(1024, 1344, 2);
            assertThat(s.dtype()).isEqualTo(DType.FLOAT32);
            float[] a = (float[]) s.readAll().data();
            float[] b = (float[]) ref.readAll().data();
            double sum = 0;
            double worst = 0;
            int worstAt = -1;
            for (int i = 0; i < a.length; i++) {
                double d = Math.abs(a[i] - b[i]);
                sum += d;
                if (d > worst) {
                    worst = d;
                    worstAt = i;
                }
            }
            assertThat(sum / a.length).as("mean |diff|").isLessThan(1e-6);
            assertThat(worst).as("max |diff| at flat index " + worstAt).isLessThan(0.06);
            Block part = s.read(new Box(new long[] {1000, 1300, 1}, new long[] {1024, 1344, 2}));
            TestArrays.assertSameValues(part, TestArrays.crop(s.readAll(), part.box()));
        }
    }

    @Test
    void imagejFramesAreTime() throws IOException {
        Path f = dir.resolve("t.tif");
        TinyTiffWriter.write(f, ByteOrder.LITTLE_ENDIAN, 5, 4, 1, 8, 1,
                "ImageJ=1.11a\nimages=3\nframes=3\nhyperstack=true\n", pagesU8(3, 20));
        try (TiffSource s = TiffSource.open(f)) {
            assertThat(s.axes()).isEqualTo(Axes.of("tyx"));
            assertThat(s.axesOrigin()).isEqualTo(AxesOrigin.METADATA);
        }
    }

    @Test
    void imagejChannelsAndSlicesKeepTzcOrder() throws IOException {
        Path f = dir.resolve("zc.tif");
        TinyTiffWriter.write(f, ByteOrder.LITTLE_ENDIAN, 5, 4, 1, 8, 1,
                "ImageJ=1.11a\nimages=6\nchannels=2\nslices=3\nhyperstack=true\n", pagesU8(6, 20));
        try (TiffSource s = TiffSource.open(f)) {
            assertThat(s.axes()).isEqualTo(Axes.of("zcyx"));
            assertThat(s.shape()).containsExactly(3, 2, 4, 5);
            Block b = s.read(new Box(new long[] {2, 1, 3, 4}, new long[] {3, 2, 4, 5}));
            assertThat(((byte[]) b.data())[0]).isEqualTo((byte) (5 * 20 + 3 * 5 + 4)); // page 2*2+1 = 5
        }
    }

    @Test
    void shapedDescriptionUsesTheShapeGuess() throws IOException {
        // tifffile's default JSON description gives axes QYX; ilastik then guesses from the shape.
        Path f = dir.resolve("shaped.tif");
        TinyTiffWriter.write(f, ByteOrder.LITTLE_ENDIAN, 6, 4, 1, 8, 1, "{\"shape\": [5, 4, 6]}", pagesU8(5, 24));
        try (TiffSource s = TiffSource.open(f)) {
            assertThat(s.axes()).isEqualTo(Axes.of("zyx"));
            assertThat(s.axesOrigin()).isEqualTo(AxesOrigin.GUESSED);
        }
        Path g = dir.resolve("shaped1.tif");
        TinyTiffWriter.write(g, ByteOrder.LITTLE_ENDIAN, 6, 4, 1, 8, 1, "{\"shape\": [1, 4, 6]}", pagesU8(1, 24));
        try (TiffSource s = TiffSource.open(g)) {
            assertThat(s.axes()).isEqualTo(Axes.of("zyx"));
            assertThat(s.shape()).containsExactly(1, 4, 6);
        }
    }

    @Test
    void readsUint16BigEndianInt16AndFloat32Samples() throws IOException {
        int w = 7;
        int h = 3;
        Path u16 = dir.resolve("u16.tif");
        List<byte[]> pages = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            ByteBuffer b = ByteBuffer.allocate(w * h * 2).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < w * h; i++) {
                b.putShort((short) (60000 + p * 100 + i));
            }
            pages.add(b.array());
        }
        TinyTiffWriter.write(u16, ByteOrder.BIG_ENDIAN, w, h, 1, 16, 1, null, pages);
        try (TiffSource s = TiffSource.open(u16)) {
            assertThat(s.dtype()).isEqualTo(DType.UINT16);
            assertThat(s.axes()).isEqualTo(Axes.of("tyx"));
            Block b = s.read(new Box(new long[] {1, 2, 5}, new long[] {2, 3, 7}));
            assertThat(b.getDouble(0)).isEqualTo(60000 + 100 + 2 * w + 5);
            assertThat(b.getDouble(1)).isEqualTo(60000 + 100 + 2 * w + 6);
        }
        Path i16 = dir.resolve("i16.tif");
        ByteBuffer bi = ByteBuffer.allocate(w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < w * h; i++) {
            bi.putShort((short) (-1000 + i));
        }
        TinyTiffWriter.write(i16, ByteOrder.LITTLE_ENDIAN, w, h, 1, 16, 2, null, List.of(bi.array()));
        try (TiffSource s = TiffSource.open(i16)) {
            assertThat(s.dtype()).isEqualTo(DType.INT16);
            assertThat(s.readAll().getDouble(w * h - 1)).isEqualTo(-1000 + w * h - 1);
        }
        Path f32 = dir.resolve("f32.tif");
        ByteBuffer bf = ByteBuffer.allocate(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < w * h; i++) {
            bf.putFloat(i * 0.25f - 1.5f);
        }
        TinyTiffWriter.write(f32, ByteOrder.LITTLE_ENDIAN, w, h, 1, 32, 3, null, List.of(bf.array()));
        try (TiffSource s = TiffSource.open(f32)) {
            assertThat(s.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(s.axes()).isEqualTo(Axes.of("yx"));
            assertThat(((float[]) s.readAll().data())[9]).isEqualTo(9 * 0.25f - 1.5f);
        }
    }

    @Test
    void notATiffIsAProcessingError() throws IOException {
        Path f = dir.resolve("bad.tif");
        Files.writeString(f, "hello");
        assertThatThrownBy(() -> TiffSource.open(f)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("as TIFF");
    }

    private static List<byte[]> pagesU8(int n, int size) {
        List<byte[]> pages = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (p * size + i);
            }
            pages.add(b);
        }
        return pages;
    }
}
