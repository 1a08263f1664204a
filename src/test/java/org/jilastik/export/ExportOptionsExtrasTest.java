package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner pieces beyond ilastik's defaults: the three cutout forms, plans of every format kind (written axes,
 * sequence file names), {@code --clip}, and the existing-output policy.
 */
class ExportOptionsExtrasTest {
    private static final Axes ZYXC = Axes.of("zyxc");
    private static final long[] SHAPE = {5, 40, 48, 3};
    private static final ExportSourceInfo PROBS3D = new ExportSourceInfo("Probabilities", DType.FLOAT32, ZYXC, SHAPE,
            0.0, 1.0);
    private static final LaneExportFacts LANE = new LaneExportFacts("ex3d-data", "/d", Axes.of("zyx"));

    private static ExportPlan plan(ExportChoices cli) {
        return ExportPlanner.plan(cli, ExportChoices.NONE, PROBS3D, LANE, Path.of("/c"), Path.of("/p"));
    }

    private static ExportChoices choices(String format, String template) {
        return new ExportChoices(format, template, null, null, null, null, null, null, null, null, null);
    }

    private static Box cut(Long[] start, Long[] stop, String axes, List<String> warnings) {
        return CutoutRegion.resolve(start, stop, axes == null ? null : Axes.of(axes), "Probabilities", ZYXC, SHAPE,
                warnings);
    }

    @Test
    void threeCutoutFormsMeanTheSameRegion() {
        List<String> w = new ArrayList<>();
        Box expected = new Box(new long[] {1, 5, 10, 0}, new long[] {4, 30, 40, 3});
        assertThat(cut(new Long[] {1L, 5L, 10L, 0L}, new Long[] {4L, 30L, 40L, 3L}, null, w)).isEqualTo(expected);
        // ilastik's help-text order tczyx, 5 entries on a 4-axis source
        assertThat(cut(new Long[] {0L, 0L, 1L, 5L, 10L}, new Long[] {1L, 3L, 4L, 30L, 40L}, null, w))
                .isEqualTo(expected);
        // named, any order, channel left out = whole
        assertThat(cut(new Long[] {10L, 1L, 5L}, new Long[] {40L, 4L, 30L}, "xzy", w)).isEqualTo(expected);
        assertThat(w).isEmpty();
    }

    @Test
    void cutoutIsClippedWithIlastiksWarningAndNoneMeansWhole() {
        List<String> w = new ArrayList<>();
        assertThat(cut(new Long[] {-3L, null}, new Long[] {400L, null}, "xc", w))
                .isEqualTo(new Box(new long[] {0, 0, 0, 0}, new long[] {5, 40, 48, 3}));
        assertThat(w).singleElement().asString().contains("Clipping to dataset bounds");
    }

    @Test
    void cutoutRefusals() {
        List<String> w = new ArrayList<>();
        assertThatThrownBy(() -> cut(new Long[] {0L, 1L}, new Long[] {2L, 3L}, "tx", w))
                .isInstanceOf(JilastikException.class).hasMessageContaining("no such axis")
                .hasMessageContaining("axis t");
        assertThatThrownBy(() -> cut(new Long[] {0L, 0L, 0L}, new Long[] {1L, 1L, 1L}, null, w))
                .hasMessageContaining("has 3 entries per corner").hasMessageContaining("zyxc");
        assertThatThrownBy(() -> cut(new Long[] {60L}, new Long[] {null}, "y", w))
                .hasMessageContaining("empty on axis y");
        // an absent axis given as its one position is fine
        assertThat(cut(new Long[] {0L, 2L}, new Long[] {1L, 3L}, "tz", w).start()).containsExactly(2, 0, 0, 0);
    }

    @Test
    void cutoutNamesFollowTheRegion() {
        ExportChoices cli = new ExportChoices("hdf5", "o/{nickname}_{roi}_z{z_start}-{z_stop}_{x_start}.h5", null,
                new Long[] {1L, 10L}, new Long[] {4L, null}, null, null, null, null, null, null)
                .withExtras("zx", null, null);
        ExportPlan p = plan(cli);
        assertThat(p.file().getFileName().toString()).isEqualTo("ex3d-data_[(1, 0, 10, 0), (4, 40, 48, 3)]_z1-4_10.h5");
        assertThat(p.outputShape()).containsExactly(3, 40, 38, 3);
        assertThat(p.sourceBoxFor(Box.ofShape(p.outputShape()))).isEqualTo(new Box(new long[] {1, 0, 10, 0},
                new long[] {4, 40, 48, 3}));
    }

    @Test
    void writtenAxesPerFormatKind() {
        assertThat(plan(choices("hdf5", "o/a.h5")).outputAxes().letters()).isEqualTo("zyxc");
        assertThat(plan(choices("n5", "o/a.n5")).outputAxes().letters()).isEqualTo("zyxc");
        assertThat(plan(choices("n5", "o/a.n5")).chunkShape()).isNotNull();
        assertThat(plan(choices("numpy", "o/a")).file().toString()).isEqualTo("/c/o/a.npy");
        assertThat(plan(choices("multipage tiff", "o/a")).outputShape()).containsExactly(1, 5, 3, 40, 48);
        assertThat(plan(choices("single-scale OME-Zarr", "o/a")).outputShape()).containsExactly(1, 3, 5, 40, 48);
        ExportPlan seq = plan(choices("png sequence", "o/a_{slice_index}.png"));
        assertThat(seq.outputAxes().letters()).isEqualTo("zyxc");
        ExportPlan xFirst = ExportPlanner.plan(choices("tif sequence", "o/a_{slice_index}").withExtras(null, null,
                null), new ExportChoices(null, null, null, null, null, null, null, null, null, null, "xyzc"), PROBS3D,
                LANE, Path.of("/c"), Path.of("/p"));
        assertThat(xFirst.outputAxes().letters()).as("step x, slices of z rows and y columns").isEqualTo("xzyc");
        assertThat(xFirst.sliceCount()).isEqualTo(48);
        ExportPlan mseq = plan(choices("multipage tiff sequence", "o/a_{slice_index}.tiff"));
        assertThat(mseq.outputAxes().letters()).isEqualTo("ztcyx");
    }

    @Test
    void sequenceFilesArePaddedAsIlastikPadsThem() {
        ExportPlan p = plan(choices("tiff sequence", "o/{nickname}_z{slice_index}_{foo}.tiff"));
        assertThat(p.files()).extracting(f -> f.getFileName().toString()).containsExactly("ex3d-data_z0_{foo}.tiff",
                "ex3d-data_z1_{foo}.tiff", "ex3d-data_z2_{foo}.tiff", "ex3d-data_z3_{foo}.tiff",
                "ex3d-data_z4_{foo}.tiff");
        // cutout z 3..5 of 5: indices keep absolute numbering; ceil(log10(5 + 1)) = 1 digit
        ExportChoices cut = new ExportChoices("png sequence", "o/s{slice_index}.png", null, new Long[] {3L},
                new Long[] {5L}, null, null, null, null, null, null).withExtras("z", null, null);
        assertThat(plan(cut).files()).extracting(f -> f.getFileName().toString()).containsExactly("s3.png", "s4.png");
        ExportPlan custom = plan(choices("png sequence", "o/s{slice_index:04}.png"));
        assertThat(custom.sliceFile(4).getFileName().toString()).isEqualTo("s0004.png");
        assertThat(OutputPaths.sliceFile(Path.of("/o/s{slice_index}.png"), 7, 10).toString()).isEqualTo("/o/s07.png");
        assertThat(OutputPaths.sliceFile(Path.of("/o/s{slice_index}.png"), 7, 9).toString()).isEqualTo("/o/s7.png");
    }

    @Test
    void dvidAndBlockwiseHdf5AreRefusedWithTheirReason() {
        assertThatThrownBy(() -> plan(choices("dvid", "o/a"))).isInstanceOf(JilastikException.class)
                .hasMessageContaining("DVID server");
        assertThatThrownBy(() -> plan(choices("blockwise hdf5", "o/a"))).hasMessageContaining("NotImplementedError");
        // every other format of ilastik's list is written
        assertThat(ExportFormat.ALL.stream().filter(f -> f.refusal() != null).map(ExportFormat::name))
                .containsExactlyInAnyOrder("dvid", "blockwise hdf5");
        assertThat(ExportFormat.of("hdf5").refusal()).isNull();
    }

    @Test
    void clipClampsToTheExportRangeAndTheDtypeInsteadOfWrapping() {
        float[] p = {-0.2f, 0.25f, 0.5f, 0.75f, 1.5f, Float.NaN};
        PixelConverter half = PixelConverter.normalize(DType.FLOAT32, DType.UINT8, 0.0, 0.5, 0L, 255L);
        byte[] wrapped = (byte[]) half.convert(p);
        byte[] clipped = (byte[]) half.withClip(true).convert(p);
        // ilastik: 0.75 -> 382.5 -> 382 -> wraps to 126; -0.2 -> -102 -> 154
        assertThat(wrapped[3] & 0xff).isEqualTo(126);
        assertThat(wrapped[0] & 0xff).isEqualTo(154);
        int[] c = new int[clipped.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = clipped[i] & 0xff;
        }
        assertThat(c).containsExactly(0, 128, 255, 255, 255, 0);
        // a narrower export range than the dtype: clamped to (10, 20)
        PixelConverter narrow = PixelConverter.normalize(DType.FLOAT32, DType.INT16, 0.0, 1.0, 10L, 20L).withClip(true);
        assertThat((short[]) narrow.convert(new float[] {-1f, 0.55f, 3f})).containsExactly((short) 10, (short) 16,
                (short) 20);
        // without ranges: the dtype's range; float targets keep NaN
        assertThat((byte[]) PixelConverter.cast(DType.FLOAT32, DType.INT8).withClip(true)
                .convert(new float[] {300f, -300f, 5.9f})).containsExactly((byte) 127, (byte) -128, (byte) 5);
        assertThat((short[]) PixelConverter.cast(DType.INT32, DType.UINT16).withClip(true)
                .convert(new int[] {-5, 70000, 12})).containsExactly((short) 0, (short) 65535, (short) 12);
        assertThat(((double[]) PixelConverter.normalize(DType.FLOAT32, DType.FLOAT64, 0.0, 1.0, 0L, 2L)
                .withClip(true).convert(new float[] {Float.NaN, 2f}))).containsExactly(Double.NaN, 2.0);
    }

    @Test
    void clipFromTheCliLayerReachesTheConverter() {
        ExportChoices cli = new ExportChoices("hdf5", "o/a.h5", null, null, null, 0.0, 1.0, 0L, 255L, DType.UINT8,
                null).withExtras(null, true, null);
        assertThat(plan(cli).converter().clips()).isTrue();
        assertThat(plan(choices("hdf5", "o/a.h5")).converter().clips()).isFalse();
    }

    @Test
    void existingOutputPolicy(@TempDir Path dir) throws IOException {
        ExportChoices base = new ExportChoices("single-scale OME-Zarr", dir + "/a.zarr", null, null, null, null, null,
                null, null, null, null);
        Path zarr = dir.resolve("a.zarr");
        Files.createDirectories(zarr.resolve("s0"));
        Files.writeString(zarr.resolve("s0/.zarray"), "{}");
        assertThatThrownBy(() -> ExistingOutputs.prepare(plan(base))).isInstanceOf(JilastikException.class)
                .hasMessageContaining("give --overwrite").extracting(e -> ((JilastikException) e).exitCode())
                .isEqualTo(1);
        assertThatThrownBy(() -> ExistingOutputs.prepare(plan(base.withExtras(null, null, ExistingOutput.REFUSE))))
                .hasMessageContaining("--no-overwrite was given");
        ExistingOutputs.prepare(plan(base.withExtras(null, null, ExistingOutput.REPLACE)));
        assertThat(zarr).doesNotExist();

        // a tif: nothing to do when absent, replaced by the sink by default, refused with --no-overwrite
        ExportChoices tif = new ExportChoices("tif", dir + "/b.tif", null, new Long[] {0L}, new Long[] {1L}, null,
                null, null, null, null, null).withExtras("z", null, null);
        ExistingOutputs.prepare(plan(tif.withExtras("z", null, ExistingOutput.REFUSE)));
        Files.writeString(dir.resolve("b.tif"), "x");
        ExistingOutputs.prepare(plan(tif));
        assertThatThrownBy(() -> ExistingOutputs.prepare(plan(tif.withExtras("z", null, ExistingOutput.REFUSE))))
                .hasMessageContaining(dir.resolve("b.tif").toString());

        // HDF5: the target is the dataset; another dataset of the same file may be added
        Path h5 = dir.resolve("c.h5");
        Files.copy(ExportOptionsReadme.DIR.resolve("out/2d_hdf5_default/ex2d-data_Probabilities.h5"), h5);
        ExportChoices same = new ExportChoices("hdf5", h5.toString(), "exported_data", null, null, null, null, null,
                null, null, null).withExtras(null, null, ExistingOutput.REFUSE);
        assertThatThrownBy(() -> ExistingOutputs.prepare(plan(same))).hasMessageContaining("dataset exported_data");
        ExistingOutputs.prepare(plan(new ExportChoices("hdf5", h5.toString(), "/more/data", null, null, null, null,
                null, null, null, null).withExtras(null, null, ExistingOutput.REFUSE)));
    }
}
