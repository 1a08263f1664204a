package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a user can hand over a file that is not a readable project ends in one sentence and exit code 1. */
class ProjectReaderErrorsTest {
    private static final Path EX2D = Path.of("../shared/testdata/ilastik-ref/export-options/ex2d_pc.ilp");

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        assertFailure(dir.resolve("nope.ilp"), "nope.ilp does not exist; pass the path of an ilastik project (.ilp)");
    }

    @Test
    void directory() {
        assertFailure(dir, "is not a file");
    }

    @Test
    void notHdf5() throws IOException {
        Path p = Files.writeString(dir.resolve("blah.ilp"), "this is not an HDF5 file\n".repeat(100));
        assertFailure(p, "blah.ilp is not an HDF5 file, so not an ilastik project; pass the .ilp file that ilastik saved");
    }

    @Test
    void emptyFile() throws IOException {
        assertFailure(Files.createFile(dir.resolve("empty.ilp")), "empty.ilp is not an HDF5 file");
    }

    @Test
    void truncatedProject() throws IOException {
        byte[] all = Files.readAllBytes(EX2D);
        // first half of the bytes, as in testdata/ilastik-ref/bad-input-behaviour's truncated.ilp
        Path half = Files.write(dir.resolve("truncated.ilp"), java.util.Arrays.copyOf(all, all.length / 2));
        assertFailure(half, "truncated.ilp is truncated (" + all.length / 2 + " of " + all.length + " bytes)");
        Path head = Files.write(dir.resolve("head.ilp"), java.util.Arrays.copyOf(all, 3000));
        assertFailure(head, "head.ilp is truncated");
    }

    @Test
    void hdf5WithoutWorkflowName() {
        Path p = dir.resolve("data.h5");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("data", new double[] {1, 2, 3});
        }
        assertFailure(p, "data.h5 is not an ilastik project (no workflowName dataset);"
                + " pass the .ilp file that ilastik saved");
    }

    @Test
    void unknownWorkflow() {
        Path p = dir.resolve("nn.ilp");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("workflowName", "Neural Network Classification (Local)");
            f.putDataset("ilastikVersion", "1.4.0");
        }
        assertFailure(p, "nn.ilp is a \"Neural Network Classification (Local)\" project, a workflow jilastik does"
                + " not run; jilastik runs Pixel Classification, Autocontext,");
    }

    @Test
    void ilastik05Project() {
        Path p = dir.resolve("old.ilp");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("workflowName", "Pixel Classification");
            f.putDataset("ilastikVersion", 0.5);
        }
        assertFailure(p, "old.ilp was saved by ilastik 0.5, whose projects jilastik cannot read");
    }

    @Test
    void minimalProjectReadsWithDefaults() {
        Path p = dir.resolve("minimal.ilp");
        try (WritableHdfFile f = HdfFile.write(p)) {
            f.putDataset("workflowName", "PixelClassificationWorkflow");
            f.putDataset("ilastikVersion", "1.3.0");
        }
        Project project = ProjectReader.read(p);
        assertThat(project.workflow().displayName()).isEqualTo("Pixel Classification");
        assertThat(project.lanes()).isEmpty();
        assertThat(project.pixelStages()).isEmpty();
        assertThat(project.exportSettings()).isEmpty();
        assertThat(project.roleNames()).containsExactly("Raw Data", "Prediction Mask");
    }

    private static void assertFailure(Path p, String message) {
        assertThatThrownBy(() -> ProjectReader.read(p)).isInstanceOfSatisfying(JilastikException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(1);
            assertThat(e.getMessage()).contains(message).doesNotContain("\n");
        });
    }
}
