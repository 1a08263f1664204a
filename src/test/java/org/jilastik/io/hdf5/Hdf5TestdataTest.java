package org.jilastik.io.hdf5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.jilastik.io.AxesOrigin;
import org.jilastik.io.TestArrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every HDF5 input under ../shared/testdata and checks shape, dtype, axes (ilastik's rules: axistags,
 * else the shape guess) and the sha256 of the C-order pixel bytes, pinned with h5py + numpy.
 */
class Hdf5TestdataTest {
    static final String TD = "../shared/testdata/";
    static final String AO = "ilastik-ref/axes-order/";
    static final String S2 = "3a673668b209535fe02e94548d35e45265713baec6da64948c7ad5a34c1d794a";
    static final String S2T = "82ec37a6d55d075ab0d689a4ac8450d069d7eb8f060e19689a9189755fdc4f24";
    static final String S3 = "7d7447611945a214a2e743082cfef25848601495e07c19cce0aac257e57c4d20";
    static final String S3T = "62b214b3eb8c1a5140220a78f84a7cb3e6a5a48aed02cda2b983648b39029c7c";

    static Stream<Arguments> inputs() {
        return Stream.of(
                row(AO + "a2_cyx_notags.h5", "zyx", false, "uint8", S2, 1, 64, 96),
                row(AO + "a2_cyx_tags.h5", "cyx", true, "uint8", S2, 1, 64, 96),
                row(AO + "a2_tyx_tags.h5", "tyx", true, "uint8", S2, 1, 64, 96),
                row(AO + "a2_tzyxc_tags.h5", "tzyxc", true, "uint8", S2, 1, 1, 64, 96, 1),
                row(AO + "a2_xy_tags.h5", "xy", true, "uint8", S2T, 96, 64),
                row(AO + "a2_xyc_notags.h5", "yxc", false, "uint8", S2T, 96, 64, 1),
                row(AO + "a2_ycx_notags.h5", "zyx", false, "uint8", S2, 64, 1, 96),
                row(AO + "a2_yx_notags.h5", "yx", false, "uint8", S2, 64, 96),
                row(AO + "a2_yx_tags.h5", "yx", true, "uint8", S2, 64, 96),
                row(AO + "a2_yxc_notags.h5", "yxc", false, "uint8", S2, 64, 96, 1),
                row(AO + "a2_yxc_tags.h5", "yxc", true, "uint8", S2, 64, 96, 1),
                row(AO + "a2_zyxc_notags.h5", "zyxc", false, "uint8", S2, 1, 64, 96, 1),
                row(AO + "a2_zyxc_tags.h5", "zyxc", true, "uint8", S2, 1, 64, 96, 1),
                row(AO + "a3_czyx_tags.h5", "czyx", true, "uint8", S3, 1, 12, 32, 40),
                row(AO + "a3_tzyxc_notags.h5", "tzyxc", false, "uint8", S3, 1, 12, 32, 40, 1),
                row(AO + "a3_xyz_notags.h5", "zyx", false, "uint8", S3T, 40, 32, 12),
                row(AO + "a3_xyz_tags.h5", "xyz", true, "uint8", S3T, 40, 32, 12),
                row(AO + "a3_xyzc_tags.h5", "xyzc", true, "uint8", S3T, 40, 32, 12, 1),
                row(AO + "a3_zcyx_notags.h5", "zyxc", false, "uint8", S3, 12, 1, 32, 40),
                row(AO + "a3_zyx_notags.h5", "zyx", false, "uint8", S3, 12, 32, 40),
                row(AO + "a3_zyx_tags.h5", "zyx", true, "uint8", S3, 12, 32, 40),
                row(AO + "a3_zyxc_notags.h5", "zyxc", false, "uint8", S3, 12, 32, 40, 1),
                row(AO + "a3_zyxc_tags.h5", "zyxc", true, "uint8", S3, 12, 32, 40, 1),
                row(AO + "ax2d.h5", "yx", true, "uint8", S2, 64, 96),
                row(AO + "ax3d.h5", "zyx", true, "uint8", S3, 12, 32, 40),
                row("ilastik-ref/counting-2d/cells2d.h5", "yx", true, "uint8",
                        "6707bf050d9e90d30d5fe26f82d61692007a3b453d7fee9b77edaeef160f7d15", 160, 200),
                row("ilastik-ref/export-options/ex2d.h5", "yx", true, "uint8",
                        "fcb5ead2f6756f7ce5e3f22bea0da9abca54e7c01fda15caae3abf9e788d5a31", 60, 80),
                row("ilastik-ref/export-options/ex3d.h5", "zyx", true, "uint8",
                        "3225a232ee4ba86d7fef1c2f93fc80f98067643430fa6d8b55b78ac1859c5241", 5, 40, 48),
                row("ilastik-ref/ij-2d-cells-apoptotic/2d_cells_apoptotic_1channel.h5", "tzyxc", false, "uint8",
                        "8c6211755bea755c3bc6405a7ac1ab953433375df3ad412966e6fc8abdd497b1", 1, 1, 1024, 1344, 1),
                row("ilastik-ref/multicut-2d/cells2d_boundaries.h5", "yxc", true, "float32",
                        "2fe63f39e11d9d5dcfd772d9e6c4cc65313db6dfb0e30ac47f7348f0578dacab", 256, 640, 2),
                row("ilastik-ref/multicut-2d/cells2d_gt.h5", "yx", true, "uint32",
                        "e324d11690828ddd2139ea3da1a3df646f77f04eee68fff663037de75947929e", 256, 640),
                row("ilastik-ref/multicut-2d/cells2d_raw.h5", "yx", true, "uint8",
                        "df0e8813c441a540847c2847ebdbd35d10b13eca933d2f549662f480b9606357", 256, 640),
                row("ilastik-ref/multicut-2d/cells2d_superpixels.h5", "yx", true, "uint32",
                        "4fd109aca67c0fbddd9fb03e3d4065daf2e71eb0dfb39d196a3da8efc3db7324", 256, 640),
                row("ilastik-ref/new-2d-1ch-3class/blobs2d.h5", "yx", true, "uint8",
                        "d4120d5b7b0cc0f31207fcfba245446cb7d969e237a67dc9cc985bcf56303e3b", 384, 384),
                row("ilastik-ref/new-2d-3channel/rgb2d.h5", "yxc", true, "uint8",
                        "1224ba1c3afa1091bb105955e4af7ed21b55fefefdae49a16410c964353b37c0", 256, 320, 3),
                row("ilastik-ref/new-2d-allfeatures/allfeat2d.h5", "yx", true, "uint8",
                        "fb2f0db8c0392511c48daf4637d56deb27bda5ba3208aef225a575ba2f7c3404", 256, 300),
                row("ilastik-ref/new-3d-allfeatures/blobs3d.h5", "zyx", true, "uint8",
                        "fbc744fb2883f8244e97d5ef9155b4d85f0b519abb9a975b81e32ca7dbf2d8d9", 64, 64, 64),
                row("ilastik-ref/new-3d-computein2d/c2d3d.h5", "zyx", true, "uint8",
                        "6722c149bab880aa1c4827535e058a37683fd3939a5dff48340f31b0bda998cb", 24, 96, 80),
                row("ilastik-ref/new-autocontext-2d/ac2d.h5", "yx", true, "uint8",
                        "71588c9148d8f7dc0dc3be746ee4791912f87942d5f1fc93507686ba01b7c195", 256, 256),
                row("ilastik-ref/oc-from-segmentation-2d/ocseg_mask.h5", "yx", true, "uint8",
                        "da647d31579d9b00bcf2599704fe807d5904f973083841b8b4de9a391eb2cd13", 200, 240),
                row("ilastik-ref/oc-from-segmentation-2d/ocseg_raw.h5", "yx", true, "uint8",
                        "71229d6c18433944b650d22b62955b56d0c472b21b746395a5c137703a3394de", 200, 240),
                row("ilastik-ref/tracking-2dt/trk2d_raw.h5", "tyx", true, "uint8",
                        "4181ba4e9dca7d0fd0ac8bafdd4e60397e78b9ea988d96232f2a2480f1357009", 8, 128, 128),
                row("ilastik-ref/tracking-2dt/trk2d_seg.h5", "tyx", true, "uint8",
                        "1058a7a868c1c5705d7cb6a63a8d953cb226b7bde74fbda553df287f463d3868", 8, 128, 128),
                row("upstream/mitocheck-mergers/mitocheck_2d+t/mitocheck_small_2D+t_mergers.h5", "txyc", true,
                        "uint16", "ff9e5e67a11b770c34c18d3ed6f305b745b9e6f6f6d8c16b9653c691ce6b3bfc", 6, 66, 62, 1),
                row("bench/tiny2d.h5", "yx", true, "uint8",
                        "950e4abf00832c65417bc259423285d1ecdbee46bc8feeb5c5452e5644f320de", 64, 64),
                row("bench/tiny3d.h5", "zyx", true, "uint8",
                        "bc34353ad408312df119b62d44ca64be78c1d5bc27b8b39ee8a92f45a573f242", 48, 48, 48));
    }

    static Arguments row(String file, String axes, boolean tagged, String dtype, String sha, long... shape) {
        return Arguments.of(file, axes, tagged, dtype, sha, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsInput(String file, String axes, boolean tagged, String dtype, String sha, long[] shape) {
        try (Hdf5Source s = Hdf5Source.open(Path.of(TD + file), null, null)) {
            assertThat(s.shape()).containsExactly(shape);
            assertThat(s.axes()).isEqualTo(Axes.of(axes));
            assertThat(s.axesOrigin()).isEqualTo(tagged ? AxesOrigin.METADATA : AxesOrigin.GUESSED);
            assertThat(s.dtype()).isEqualTo(DType.fromNumpyName(dtype));
            assertThat(TestArrays.sha256(s.readAll())).isEqualTo(sha);
        }
    }

    @Test
    void readsOnlyTheChunksABoxTouches() {
        // big2d: 2048x2048 uint8, gzip chunks 128x256; rows 100..299 touch chunk rows 0-2, cols 250..519 chunk
        // cols 0-2: 9 of 128 chunks.
        try (Hdf5Source s = Hdf5Source.open(Path.of(TD + "bench/big2d.h5"), "data", null)) {
            assertThat(s.chunkShape()).containsExactly(128, 256);
            Block b = s.read(new Box(new long[] {100, 250}, new long[] {300, 520}));
            assertThat(s.chunkReads()).isEqualTo(9);
            assertThat(TestArrays.sha256(b))
                    .isEqualTo("fea846a7a0d9ff08d222a40d609afdcd12413a273edb05ccce295c738e0bf446");
            s.read(new Box(new long[] {128, 256}, new long[] {256, 512}));
            assertThat(s.chunkReads()).isEqualTo(10);
        }
    }

    @Test
    void readsSubBoxOfBig3d() {
        try (Hdf5Source s = Hdf5Source.open(Path.of(TD + "bench/big3d.h5"), "/data", null)) {
            assertThat(s.shape()).containsExactly(128, 128, 128);
            assertThat(s.axes()).isEqualTo(Axes.of("zyx"));
            Block b = s.read(new Box(new long[] {10, 30, 0}, new long[] {40, 70, 33}));
            // chunks 16x32x32: z 0-2, y 0-2, x 0-1 -> 18 chunks
            assertThat(s.chunkReads()).isEqualTo(18);
            assertThat(TestArrays.sha256(b))
                    .isEqualTo("e88b1d3757f1e0213ad31830156694e190464a67678c7cd1d97bc94ecb69ba60");
        }
    }

    @Test
    void n5StyleAxesAttributeIsReversed() {
        // ilastik's multicut intermediate file stores superpixels with attribute axes="yx" (fastest first).
        Path f = Path.of(TD + "ilastik-ref/multicut-2d/intermediate/cells2d_mc_intermediate.h5");
        try (Hdf5Source s = Hdf5Source.open(f, "superpixels", null)) {
            assertThat(s.axes()).isEqualTo(Axes.of("xy"));
            assertThat(s.axesOrigin()).isEqualTo(AxesOrigin.METADATA);
            assertThat(TestArrays.sha256(s.readAll()))
                    .isEqualTo("4fd109aca67c0fbddd9fb03e3d4065daf2e71eb0dfb39d196a3da8efc3db7324");
        }
    }

    @Test
    void severalDatasetsWithoutInternalPathIsAnErrorListingThem() {
        Path f = Path.of(TD + "ilastik-ref/multicut-2d/intermediate/cells2d_mc_intermediate.h5");
        assertThatThrownBy(() -> Hdf5Source.open(f, null, null))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("several image datasets")
                .hasMessageContaining("/edge_features")
                .hasMessageContaining("/superpixels")
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(1));
    }

    @Test
    void missingInternalPathListsAvailableDatasets() {
        assertThatThrownBy(() -> Hdf5Source.open(Path.of(TD + AO + "ax2d.h5"), "volume/data", null))
                .isInstanceOf(JilastikException.class)
                .hasMessage("dataset /volume/data does not exist in " + TD + AO
                        + "ax2d.h5; available image datasets: [/data].");
    }

    @Test
    void notAnHdf5FileIsAProcessingError() {
        assertThatThrownBy(() -> Hdf5Source.open(Path.of(TD + AO + "a2.png"), null, null))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("as HDF5");
    }
}
