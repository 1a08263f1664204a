package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Axes;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** Stage D of sequence file names and the slicing rules of {@link ImageExportSinks}. */
class ImageExportSinksTest {
    static List<String> names(String pattern, long offset, int count) {
        return ImageExportSinks.sliceFiles(pattern, offset, count).stream().map(Path::toString).toList();
    }

    @Test
    void bareSliceIndexIsPaddedToTheDigitsOfOffsetPlusCount() {
        assertThat(names("/o/a_{slice_index}.png", 0, 5)).containsExactly("/o/a_0.png", "/o/a_1.png", "/o/a_2.png",
                "/o/a_3.png", "/o/a_4.png");
        // ilastik: ceil(log10(offset + count + 1)) digits, so 10 slices get 2 digits although 9 needs one
        assertThat(names("/o/{slice_index}", 0, 10)).startsWith("/o/00").endsWith("/o/09");
        assertThat(names("/o/{slice_index}", 0, 9)).startsWith("/o/0").endsWith("/o/8");
        assertThat(names("/o/{slice_index}", 0, 99)).endsWith("/o/98");
        assertThat(names("/o/{slice_index}", 0, 100)).startsWith("/o/000").endsWith("/o/099");
        // a cutout start on the step axis numbers the files absolutely
        assertThat(names("/o/z{slice_index}.tif", 95, 5)).containsExactly("/o/z095.tif", "/o/z096.tif",
                "/o/z097.tif", "/o/z098.tif", "/o/z099.tif");
    }

    @Test
    void ownFormatSpecIsUsedAsGiven() {
        assertThat(names("/o/s{slice_index:04}_{{x}}.png", 3, 2)).containsExactly("/o/s0003_{x}.png",
                "/o/s0004_{x}.png");
    }

    @Test
    void otherFieldsLeftInTheNameAreRefused() {
        assertThatThrownBy(() -> names("/o/{t_start}_{slice_index}.png", 0, 3))
                .isInstanceOf(JilastikException.class).hasMessageContaining("{t_start}")
                .satisfies(e -> assertThat(((JilastikException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void stepAxisIsTheFirstOfSizeAboveOneAndSlicesAreRowColumnChannel() {
        Axes a = Axes.of("tzyxc");
        long[] shape = {1, 5, 40, 48, 3};
        assertThat(ImageExportSinks.stepAxis(a, shape)).isEqualTo(1);
        assertThat(ImageExportSinks.sliceImageAxes(a, shape, 1)).isEqualTo(Axes.of("yxc"));
        // x first: the files step along x, each slice has z as rows... vigra puts y (before z) in the columns
        Axes xyz = Axes.of("xyzc");
        long[] s2 = {48, 40, 5, 3};
        assertThat(ImageExportSinks.sliceImageAxes(xyz, s2, 0)).isEqualTo(Axes.of("zyc"));
    }
}
