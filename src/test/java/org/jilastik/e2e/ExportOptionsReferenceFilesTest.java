package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The checker of {@link ExportOptionsIT} applied to ilastik's own output files: for every variant ilastik
 * completed, the files it created are exactly those its README row lists, and each one passes
 * {@link ExportOptionsMatrix#verify} (readers for every format, the pixel-array SHA-256, samples, layout,
 * compression). A checker that could not read a format, or hashed differently from NumPy, fails here.
 */
class ExportOptionsReferenceFilesTest {
    @Test
    void theMatrixHas54VariantsAndEveryOutputRowBelongsToOne() throws IOException {
        List<ExportOptionsMatrix.Variant> variants = ExportOptionsMatrix.variants();
        assertThat(variants).hasSize(54);
        Map<String, ExportOptionsMatrix.FileCheck> rows = ExportOptionsMatrix.outputRows();
        long covered = variants.stream().mapToLong(v -> ExportOptionsMatrix.checksOf(v, rows).size()).sum();
        assertThat(covered).isEqualTo(rows.size());
    }

    @TestFactory
    Stream<DynamicTest> ilastiksFilesPassTheChecker() throws IOException {
        Map<String, ExportOptionsMatrix.FileCheck> rows = ExportOptionsMatrix.outputRows();
        return ExportOptionsMatrix.variants().stream().filter(v -> v.rc() == 0)
                .map(v -> DynamicTest.dynamicTest(v.name(), () -> {
                    Path dir = ExportOptionsMatrix.DIR.resolve("out").resolve(v.name());
                    assertThat(Workspace.filesUnder(dir)).containsExactlyInAnyOrderElementsOf(v.files());
                    List<ExportOptionsMatrix.FileCheck> checks = ExportOptionsMatrix.checksOf(v, rows);
                    assertThat(checks).as("checked files of %s", v.name()).isNotEmpty();
                    for (ExportOptionsMatrix.FileCheck c : checks) {
                        ExportOptionsMatrix.verify(dir, c);
                    }
                }));
    }
}
