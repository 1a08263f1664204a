package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jilastik.array.Axes;
import org.jilastik.array.Box;
import org.jilastik.array.DType;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** CLI over project over defaults, and where relative templates land. */
class ExportPlannerPrecedenceTest {
    private static final Path CWD = Path.of("/work/cwd");
    private static final Path PROJECT_DIR = Path.of("/data/projects");
    private static final ExportSourceInfo PROBS = new ExportSourceInfo("Probabilities", DType.FLOAT32, Axes.of("yxc"),
            new long[] {60, 80, 3}, 0.0, 1.0);
    private static final ExportSourceInfo SEG = new ExportSourceInfo("Simple Segmentation", DType.UINT8,
            Axes.of("yxc"), new long[] {60, 80, 1}, 0.0, 1.0);
    private static final LaneExportFacts LANE = new LaneExportFacts("raw*img", "/data/images", Axes.of("yx"));

    private static ExportChoices choices(String format, String template, String internal, DType dtype, String order) {
        return new ExportChoices(format, template, internal, null, null, null, null, null, null, dtype, order);
    }

    private static ExportPlan plan(ExportChoices cli, ExportChoices stored, ExportSourceInfo src) {
        return ExportPlanner.plan(cli, stored, src, LANE, CWD, PROJECT_DIR);
    }

    @Test
    void defaultsGiveIlastiksNameNextToTheInput() {
        ExportPlan p = plan(ExportChoices.NONE, ExportChoices.NONE, PROBS);
        assertThat(p.file()).isEqualTo(Path.of("/data/images/rawimg_Probabilities.h5"));
        assertThat(p.internalPath()).isEqualTo("exported_data");
        assertThat(p.format().name()).isEqualTo("compressed hdf5");
        assertThat(p.compressionLevel()).isEqualTo(1);
        assertThat(p.exportDtype()).isEqualTo(DType.FLOAT32);
        assertThat(p.outputAxes()).isEqualTo(Axes.of("yxc"));
        assertThat(p.converter().isIdentity()).isTrue();
        assertThat(p.drange()).containsExactly(0.0, 1.0);
    }

    @Test
    void cliOverProjectOverDefault() {
        ExportChoices stored = choices("tif", "stored/{nickname}", "/stored/ds", DType.FLOAT32, "cyx");
        ExportPlan fromProject = plan(ExportChoices.NONE, stored, SEG);
        assertThat(fromProject.format().name()).isEqualTo("tif");
        assertThat(fromProject.file()).isEqualTo(Path.of("/data/projects/stored/rawimg.tif"));
        assertThat(fromProject.exportDtype()).isEqualTo(DType.FLOAT32);
        assertThat(fromProject.ilastikOutputAxes()).isEqualTo(Axes.of("cyx"));

        ExportChoices cli = choices("hdf5", "cli/{nickname}_{result_type}.h5", "/cli/ds", DType.UINT16, "xyc");
        ExportPlan fromCli = plan(cli, stored, SEG);
        assertThat(fromCli.format().name()).isEqualTo("hdf5");
        assertThat(fromCli.file()).isEqualTo(Path.of("/work/cwd/cli/rawimg_Simple Segmentation.h5"));
        assertThat(fromCli.internalPath()).isEqualTo("/cli/ds");
        assertThat(fromCli.exportDtype()).isEqualTo(DType.UINT16);
        assertThat(fromCli.outputAxes()).isEqualTo(Axes.of("xyc"));
        assertThat(fromCli.outputShape()).containsExactly(80, 60, 1);

        ExportPlan mixed = plan(choices(null, null, null, null, null), stored, SEG);
        assertThat(mixed.internalPath()).isNull(); // tif has none
        ExportPlan storedHdf5 = plan(choices("hdf5", null, null, null, null), stored, SEG);
        assertThat(storedHdf5.internalPath()).isEqualTo("/stored/ds");
        assertThat(storedHdf5.file()).isEqualTo(Path.of("/data/projects/stored/rawimg.h5"));
    }

    @Test
    void rangesApplyAsOneSettingCliFirst() {
        ExportChoices stored = new ExportChoices(null, null, null, null, null, 0.0, 2.0, 0L, 100L, DType.UINT8, null);
        ExportPlan p = plan(ExportChoices.NONE, stored, PROBS);
        assertThat(p.converter().normalizes()).isTrue();
        assertThat(p.converter().ratio()).isEqualTo(50f);
        assertThat(p.drange()).containsExactly(0.0, 100.0);

        ExportChoices cli = new ExportChoices(null, null, null, null, null, 0.0, 1.0, 0L, 255L, null, null);
        ExportPlan q = plan(cli, stored, PROBS);
        assertThat(q.converter().ratio()).isEqualTo(255f);
        assertThat(q.exportDtype()).isEqualTo(DType.UINT8); // dtype still from the project
        assertThat(q.drange()).containsExactly(0.0, 255.0);

        ExportChoices partial = new ExportChoices(null, null, null, null, null, 0.0, 1.0, 0L, null, null, null);
        assertThat(plan(ExportChoices.NONE, partial, PROBS).converter().normalizes()).isFalse();
    }

    @Test
    void invalidStoredAxisOrderIsIgnoredWithAWarning() {
        ExportPlan p = plan(ExportChoices.NONE, choices(null, null, null, null, "qyx"), PROBS);
        assertThat(p.outputAxes()).isEqualTo(Axes.of("yxc"));
        assertThat(p.warnings()).anyMatch(w -> w.contains("Ignoring invalid axis order"));
    }

    @Test
    void droppingANonSingletonAxisIsOneSentence() {
        assertThatThrownBy(() -> plan(choices(null, null, null, null, "yx"), ExportChoices.NONE, PROBS))
                .isInstanceOf(JilastikException.class)
                .hasMessage("the output axis order \"yx\" leaves out axis c of size 3 of the Probabilities export "
                        + "(axes yxc); include every axis whose size is not 1");
    }

    @Test
    void defaultOrderFollowsTheInterpretedInput() {
        LaneExportFacts cyx = new LaneExportFacts("n", "/d", Axes.of("cyx"));
        ExportPlan p = ExportPlanner.plan(ExportChoices.NONE, ExportChoices.NONE, PROBS, cyx, CWD, PROJECT_DIR);
        assertThat(p.outputAxes()).isEqualTo(Axes.of("cyx"));
        LaneExportFacts t = new LaneExportFacts("n", "/d", Axes.of("tyx"));
        ExportPlan q = ExportPlanner.plan(ExportChoices.NONE, ExportChoices.NONE, PROBS, t, CWD, PROJECT_DIR);
        assertThat(q.outputAxes()).isEqualTo(Axes.of("tyxc"));
        assertThat(q.outputShape()).containsExactly(1, 60, 80, 3);
    }

    @Test
    void cutoutIsClippedAndNamesUseAbsoluteCoordinates() {
        ExportChoices cli = new ExportChoices("hdf5", "o/{nickname}_{roi}_y{y_start}-{y_stop}.h5", null,
                new Long[] {10L, null, 1L}, new Long[] {100L, 0L, 2L}, null, null, null, null, null, null);
        ExportPlan p = plan(cli, ExportChoices.NONE, PROBS);
        assertThat(p.cutout()).isEqualTo(new Box(new long[] {10, 0, 1}, new long[] {60, 80, 2}));
        assertThat(p.warnings()).anyMatch(w -> w.contains("Clipping to dataset bounds"));
        assertThat(p.file().getFileName().toString()).isEqualTo("rawimg_[(10, 0, 1), (60, 80, 2)]_y10-60.h5");
        assertThat(p.outputShape()).containsExactly(50, 80, 1);
        assertThat(p.sourceBoxFor(new Box(new long[] {5, 0, 0}, new long[] {7, 80, 1})))
                .isEqualTo(new Box(new long[] {15, 0, 1}, new long[] {17, 80, 2}));
        ExportChoices empty = new ExportChoices(null, null, null, new Long[] {70L, 0L, 0L}, null, null, null, null,
                null, null, null);
        assertThatThrownBy(() -> plan(empty, ExportChoices.NONE, PROBS)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("empty on axis y");
    }

    @Test
    void insertedAxesFillTheirFieldsInStageC() {
        ExportChoices cli = choices("hdf5", "o/t{t_start}-{t_stop}_x{x_start}_{q}", null, null, "tzyxc");
        assertThat(plan(cli, ExportChoices.NONE, PROBS).file()).isEqualTo(Path.of("/work/cwd/o/t0-1_x0_{q}.h5"));
    }

    @Test
    void tildeAndMalformedTemplates() {
        ExportPlan p = plan(choices("hdf5", "~/res/{nickname}", null, null, null), ExportChoices.NONE, PROBS);
        assertThat(p.file()).isEqualTo(Path.of(System.getProperty("user.home"), "res", "rawimg.h5"));
        assertThatThrownBy(() -> plan(choices("hdf5", "out/{nickname", null, null, null), ExportChoices.NONE, PROBS))
                .isInstanceOf(JilastikException.class).hasMessageContaining("not a valid Python format string");
        assertThatThrownBy(() -> plan(choices("hdf5", null, "/", null, null), ExportChoices.NONE, PROBS))
                .isInstanceOf(JilastikException.class).hasMessageContaining("names no dataset");
    }

    @Test
    void threeDimensionalResultsCannotBeTif() {
        ExportSourceInfo vol = new ExportSourceInfo("Probabilities", DType.FLOAT32, Axes.of("zyxc"),
                new long[] {5, 40, 48, 3}, 0.0, 1.0);
        assertThatThrownBy(() -> ExportPlanner.plan(choices("tif", null, null, null, null), ExportChoices.NONE, vol,
                new LaneExportFacts("v", "/d", Axes.of("zyx")), CWD, PROJECT_DIR))
                .isInstanceOf(JilastikException.class).hasMessageContaining("writes 2-D images");
        // a single z slice is a 2-D image: rows y, columns x whatever the order
        ExportChoices slice = new ExportChoices("tif", null, null, new Long[] {2L, null, null, null},
                new Long[] {3L, null, null, null}, null, null, null, null, null, "xyzc");
        ExportPlan p = ExportPlanner.plan(slice, ExportChoices.NONE, vol, new LaneExportFacts("v", "/d", Axes.of("zyx")),
                CWD, PROJECT_DIR);
        assertThat(p.outputAxes()).isEqualTo(Axes.of("yxc"));
        assertThat(p.outputShape()).containsExactly(40, 48, 3);
    }
}
