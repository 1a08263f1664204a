package org.jilastik.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every variant of the export-options reference matrix, planned as ilastik's command line gives it: the file
 * names ilastik created (placeholders, {roi}, literal leftovers, extension replacement), internal path,
 * compression, axes, shape and dtype of the HDF5 outputs; the variants ilastik refused are refused too (one
 * sentence, exit code 2); formats jilastik does not write yet are refused by name.
 */
class ExportPlannerReferenceTest {

    @Test
    void theMatrixIsComplete() throws IOException {
        assertThat(ExportOptionsReadme.variants()).hasSize(54);
    }

    @TestFactory
    Stream<DynamicTest> everyVariant() throws IOException {
        Map<String, ExportOptionsReadme.OutputFile> outputs = ExportOptionsReadme.outputFiles();
        return ExportOptionsReadme.variants().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> check(v,
                outputs)));
    }

    private static void check(ExportOptionsReadme.Variant v, Map<String, ExportOptionsReadme.OutputFile> outputs) {
        ExportSourceInfo source = ReferenceCases.source(v);
        ExportChoices cli = ReferenceCases.cli(v);
        String format = cli.format() == null ? ExportPlanner.DEFAULT_FORMAT : cli.format();
        boolean supported = ExportFormat.of(format).supported();
        List<String> created = new ArrayList<>();
        // ilastik failed 2d_n5 only because its build lacked z5py; jilastik writes it
        boolean ilastikLackedN5 = v.name().equals("2d_n5");
        for (LaneExportFacts lane : ReferenceCases.lanes(v)) {
            if ((v.rc() != 0 && !ilastikLackedN5) || !supported) {
                JilastikException e = catchThrowableOfType(JilastikException.class, () -> plan(cli, source, lane));
                assertThat(e).as("%s must be refused", v.name()).isNotNull();
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.getMessage()).doesNotContain("\n");
                if (v.rc() == 0) {
                    assertThat(e.getMessage()).contains("is not supported yet in jilastik");
                }
                continue;
            }
            ExportPlan plan = plan(cli, source, lane);
            Path out = ExportOptionsReadme.DIR.resolve("out").resolve(v.name());
            assertThat(plan.file().getParent()).isEqualTo(out);
            String rel = v.name() + "/" + plan.file().getFileName();
            if (ilastikLackedN5) {
                assertThat(plan.file().getFileName().toString()).isEqualTo("ex2d-data_Probabilities.n5");
                assertThat(plan.internalPath()).isEqualTo("exported_data");
                assertThat(plan.outputAxes().letters()).isEqualTo("yxc");
                assertThat(plan.chunkShape()).containsExactly(60, 80, 1);
                continue;
            }
            boolean zarr = plan.format().kind() == ExportFormat.Kind.OME_ZARR;
            if (zarr) { // the README lists the files inside the OME-Zarr directory
                String dirName = plan.file().getFileName() + "/";
                assertThat(v.files()).allMatch(f -> f.startsWith(dirName));
                created.addAll(v.files());
                rel += "/s0/.zarray";
            } else {
                created.add(plan.file().getFileName().toString());
            }
            ExportOptionsReadme.OutputFile ref = outputs.get(rel);
            assertThat(ref).as("ilastik wrote %s", rel).isNotNull();
            assertThat(plan.exportDtype().numpyName()).isEqualTo(ref.dtype());
            if (ref.format().startsWith("HDF5")) {
                String internal = ref.format().substring(ref.format().indexOf('`') + 1, ref.format().lastIndexOf('`'));
                assertThat("/" + plan.internalPath().replaceFirst("^/", "")).isEqualTo(internal);
                assertThat(plan.compressionLevel()).isEqualTo(ref.format().contains("gzip") ? 1 : 0);
                assertThat(plan.outputAxes().letters()).isEqualTo(ref.layout());
                assertThat(Arrays.toString(plan.outputShape()).replace("[", "(").replace("]", ")"))
                        .isEqualTo(ref.shape().endsWith(",)") ? ref.shape().replace(",)", ")") : ref.shape());
            } else if (zarr) {
                assertThat(plan.internalPath()).isNull();
                assertThat(plan.outputAxes().letters()).isEqualTo(ref.layout());
                assertThat(Arrays.toString(plan.outputShape()).replace("[", "(").replace("]", ")"))
                        .isEqualTo(ref.shape());
                assertThat(plan.chunkShape()).containsExactly(1, 1, 1, 60, 80);
            } else {
                assertThat(plan.internalPath()).isNull();
                long[] s = plan.outputShape();
                String expected = s[2] == 1 ? "(" + s[0] + ", " + s[1] + ")" : Arrays.toString(s)
                        .replace("[", "(").replace("]", ")");
                assertThat(expected).isEqualTo(ref.shape());
            }
        }
        if (v.rc() == 0 && supported) {
            assertThat(created).containsExactlyInAnyOrderElementsOf(v.files());
        }
    }

    private static ExportPlan plan(ExportChoices cli, ExportSourceInfo source, LaneExportFacts lane) {
        return ExportPlanner.plan(cli, ExportChoices.NONE, source, lane, ReferenceCases.cwd(),
                Path.of("/elsewhere/project"));
    }

    @Test
    void sequenceFormatWithoutSliceIndexNamesTheField() {
        ExportChoices cli = new ExportChoices("tif sequence", "out/x/{nickname}.tif", null, null, null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> ExportPlanner.plan(cli, ExportChoices.NONE,
                new ExportSourceInfo("Probabilities", org.jilastik.array.DType.FLOAT32,
                        org.jilastik.array.Axes.of("zyxc"), new long[] {5, 40, 48, 3}, 0.0, 1.0),
                new LaneExportFacts("n", "/d", org.jilastik.array.Axes.of("zyx")), Path.of("/c"), Path.of("/p")))
                .isInstanceOf(JilastikException.class).hasMessageContaining("must contain {slice_index}");
    }
}
