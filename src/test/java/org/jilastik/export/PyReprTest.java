package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void float32LikeNumpy() {
        assertThat(PyRepr.float32(127.38938f)).isEqualTo("127.38938");
        assertThat(PyRepr.float32(12f)).isEqualTo("12.0");
        assertThat(PyRepr.float32(0.11f)).isEqualTo("0.11");
        assertThat(PyRepr.float32(1e-5f)).isEqualTo("1e-05");
        assertThat(PyRepr.float32(1.5e20f)).isEqualTo("1.5e+20");
        assertThat(PyRepr.float32(-0.97549003f)).isEqualTo("-0.97549003");
        assertThat(PyRepr.float32(Float.NaN)).isEqualTo("nan");
        assertThat(PyRepr.float64(153.56637168141592)).isEqualTo("153.56637168141592");
        assertThat(PyRepr.float64(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.float64(0.0001)).isEqualTo("0.0001");
    }

    @Test
    void tableNameInsertsTableBeforeTheExtension() {
        Path cwd = Path.of("/w");
        assertThat(TablePaths.table("out/{nickname}_objects.csv", "raw-data", "/d", cwd))
                .isEqualTo(Path.of("/w/out/raw-data_objects_table.csv"));
        assertThat(TablePaths.table("{dataset_dir}/objects", "n", "/d", cwd)).isEqualTo(Path.of("/d/objects_table"));
    }
}
