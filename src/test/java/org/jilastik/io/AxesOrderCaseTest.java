package org.jilastik.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The axis outcomes real ilastik showed in testdata/ilastik-ref/axes-order (projects trained on yx / zyx):
 * which inputs fail without flags, and which axes each flag set gives. Inputs are opened through
 * {@link InputOpener} exactly as the command line names them.
 */
class AxesOrderCaseTest {
    static final Path DIR = Path.of("../shared/testdata/ilastik-ref/axes-order").toAbsolutePath().normalize();

    /** input, training axes, file axes, axes without flags ("FAIL" = exit 1), axes with --input_axes=true axes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a2_yx_tags.h5/data, yx, yx, yx, yx",
        "a2_yx_notags.h5/data, yx, yx, yx, yx",
        "a2_xy_tags.h5/data, yx, xy, yx, xy",
        "a2_yxc_tags.h5/data, yx, yxc, FAIL, yxc",
        "a2_yxc_notags.h5/data, yx, yxc, FAIL, yxc",
        "a2_xyc_notags.h5/data, yx, yxc, FAIL, xyc",
        "a2_cyx_tags.h5/data, yx, cyx, FAIL, cyx",
        "a2_cyx_notags.h5/data, yx, zyx, FAIL, cyx",
        "a2_ycx_notags.h5/data, yx, zyx, FAIL, ycx",
        "a2_tyx_tags.h5/data, yx, tyx, FAIL, tyx",
        "a2_zyxc_tags.h5/data, yx, zyxc, FAIL, zyxc",
        "a2_zyxc_notags.h5/data, yx, zyxc, FAIL, zyxc",
        "a2_tzyxc_tags.h5/data, yx, tzyxc, FAIL, tzyxc",
        "a2_plain.tif, yx, yx, yx, yx",
        "a2.png, yx, yxc, FAIL, yxc",
        "a3_zyx_tags.h5/data, zyx, zyx, zyx, zyx",
        "a3_zyx_notags.h5/data, zyx, zyx, zyx, zyx",
        "a3_xyz_tags.h5/data, zyx, xyz, zyx, xyz",
        "a3_xyz_notags.h5/data, zyx, zyx, zyx, xyz",
        "a3_zyxc_tags.h5/data, zyx, zyxc, FAIL, zyxc",
        "a3_zyxc_notags.h5/data, zyx, zyxc, FAIL, zyxc",
        "a3_xyzc_tags.h5/data, zyx, xyzc, FAIL, xyzc",
        "a3_zcyx_notags.h5/data, zyx, zyxc, FAIL, zcyx",
        "a3_czyx_tags.h5/data, zyx, czyx, FAIL, czyx",
        "a3_tzyxc_notags.h5/data, zyx, tzyxc, FAIL, tzyxc",
        "a3_plain.tif, zyx, tyx, zyx, zyx",
        "a3_imagej.tif, zyx, zyx, zyx, zyx",
    })
    void matchesIlastik(String input, String training, String fileAxes, String noFlags, String trueAxes) {
        OpenedInput in = InputOpener.open(input, DIR, 'z');
        try (ImageSource s = in.source()) {
            assertThat(s.axes()).isEqualTo(Axes.of(fileAxes));
            Axes t = Axes.of(training);
            if (noFlags.equals("FAIL")) {
                assertThatThrownBy(() -> AxisResolver.resolve(s, input, AxisOptions.NONE, 0, t))
                        .isInstanceOf(JilastikException.class)
                        .hasMessageContaining(input)
                        .hasMessageContaining("trained on " + training.length() + "-D data with axes " + training)
                        .hasMessageContaining("--input_axes")
                        .hasMessageContaining("--ignore_training_axistags")
                        .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(1));
                AxisChoice lenient = AxisResolver.resolve(s, input, new AxisOptions(List.of(), false, true), 0, t);
                assertThat(lenient.rule()).isEqualTo(AxisChoice.Rule.FILE_FALLBACK);
                assertThat(lenient.axes()).isEqualTo(Axes.of(fileAxes));
                assertThat(lenient.warning()).isNotBlank();
            } else {
                AxisChoice c = AxisResolver.resolve(s, input, AxisOptions.NONE, 0, t);
                assertThat(c.axes()).isEqualTo(Axes.of(noFlags));
                assertThat(c.rule()).isEqualTo(AxisChoice.Rule.TRAINING);
                boolean tagsDiffer = s.axesOrigin() == AxesOrigin.METADATA && !fileAxes.equals(training);
                assertThat(c.warning() != null).isEqualTo(tagsDiffer);
                ImageSource relabelled = s.withAxes(c.axes());
                assertThat(relabelled.shape()).containsExactly(s.shape());
            }
            AxisChoice ignore = AxisResolver.resolve(s, input, new AxisOptions(List.of(), true, false), 0, t);
            assertThat(ignore.axes()).isEqualTo(Axes.of(fileAxes));
            assertThat(ignore.logLine()).isEqualTo("Using axistags from input files");
            AxisChoice forced = AxisResolver.resolve(s, input,
                    new AxisOptions(List.of(Axes.of(trueAxes)), false, false), 0, t);
            assertThat(forced.axes()).isEqualTo(Axes.of(trueAxes));
            assertThat(forced.rule()).isEqualTo(AxisChoice.Rule.INPUT_AXES);
        }
    }

    /** Pipeline order for the interpreted axes (spec §2.8) on the same files. */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "a2_yx_tags.h5/data, yx, yxc",
        "a2_xy_tags.h5/data, xy, yxc",
        "a2_tyx_tags.h5/data, tyx, yxc",
        "a2_cyx_notags.h5/data, zyx, yxc",
        "a2_tzyxc_tags.h5/data, tzyxc, yxc",
        "a3_zyx_tags.h5/data, zyx, zyxc",
        "a3_xyz_tags.h5/data, xyz, zyxc",
        "a3_plain.tif, tyx, tyxc",
        "a3_czyx_tags.h5/data, czyx, zyxc",
    })
    void pipelineOrder(String input, String axes, String expected) {
        try (ImageSource s = InputOpener.open(input, DIR, 'z').source()) {
            assertThat(PipelineAxisOrder.pixelClassification(Axes.of(axes), s.shape())).isEqualTo(Axes.of(expected));
        }
    }
}
