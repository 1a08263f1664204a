package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.jilastik.array.DType;
import org.jilastik.export.ExportChoices;
import org.jilastik.project.ExportSettings;
import org.junit.jupiter.api.Test;

class ExportChoicesAdapterTest {
    @Test
    void cliRangesOnlyTogether() {
        ExportOptions both = new ExportOptions(null, "hdf5", "t", "/i", new CutoutSubregion(new Long[] {1L, null},
                new Long[] {null, 5L}), new DataRange(0.0, 1.0), new DataRange(0L, 255L), DType.UINT8, "yx", false,
                null, null);
        ExportChoices c = ExportChoicesAdapter.fromCli(both);
        assertThat(c.normalizes()).isTrue();
        assertThat(c.inputMin()).isEqualTo(0.0);
        assertThat(c.exportMax()).isEqualTo(255L);
        assertThat(c.regionStart()).containsExactly(1L, null);
        assertThat(c.regionStop()).containsExactly(null, 5L);
        ExportOptions one = new ExportOptions(null, null, null, null, null, new DataRange(0.0, 1.0), null, null, null,
                false, null, null);
        assertThat(ExportChoicesAdapter.fromCli(one)).isEqualTo(ExportChoices.NONE);
        assertThat(ExportChoicesAdapter.fromCli(ExportOptions.NONE)).isEqualTo(ExportChoices.NONE);
    }

    @Test
    void projectRegionMinusOneIsNone() {
        ExportSettings s = new ExportSettings("/Prediction Export", "{nickname}", "tif", null, "float32", "cyx",
                new long[] {-1, 3, 0}, new long[] {-1, -1, 2}, 0.0, 1.0, 0.0, 255.0, 0, null);
        ExportChoices c = ExportChoicesAdapter.fromProject(s);
        assertThat(c.regionStart()).containsExactly(null, 3L, 0L);
        assertThat(c.regionStop()).containsExactly(null, null, 2L);
        assertThat(c.exportDtype()).isEqualTo(DType.FLOAT32);
        assertThat(c.normalizes()).isTrue();
        assertThat(c.format()).isEqualTo("tif");
        assertThat(ExportChoicesAdapter.fromProject(null)).isEqualTo(ExportChoices.NONE);
    }
}
