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
 * names ilastik created (placeholders, {roi}, literal leftovers, extension replacement, sequence slice names),
 * internal path, compression, axes, shape and dtype of every format's outputs (planning does not depend on
 * whether a format's writer exists yet); the sequence variants ilastik cannot write are refused (one sentence,
 * exit code 2); the cutout variants ilastik's headless mode fails on are planned with their {roi} names.
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

    /** The variants ilastik fails on that jilastik refuses too (one sentence, exit code 2). */
    static final java.util.Set<String> REFUSED = java.util.Set.of("2d_tiff_sequence",
            "2d_tif_sequence_no_slice_index", "2d_png_sequence_segmentation", "2d_multipage_tiff_sequence");
    /** The files of the variants ilastik fails on that jilastik writes (cutouts, N5). */
    static final Map<String, List<String>> JILASTIK_FILES = Map.of(
            "2d_cutout", List.of("ex2d-data_Probabilities_[(10, 20, 0), (40, 60, 3)].h5"),
            "2d_cutout_channel", List.of("ex2d-data_Probabilities.h5"),
            "3d_cutout", List.of("ex3d-data_[(1, 5, 10, 0), (4, 30, 40, 3)].h5"),
            "2d_n5", List.of("ex2d-data_Probabilities.n5"));

    private static void check(ExportOptionsReadme.Variant v, Map<String, ExportOptionsReadme.OutputFile> outputs) {
        ExportSourceInfo source = ReferenceCases.source(v);
        ExportChoices cli = ReferenceCases.cli(v);
        List<String> created = new ArrayList<>();
        for (LaneExportFacts lane : ReferenceCases.lanes(v)) {
            if (REFUSED.contains(v.name())) {
                JilastikException e = catchThrowableOfType(JilastikException.class, () -> plan(cli, source, lane));
                assertThat(e).as("%s must be refused", v.name()).isNotNull();
                assertThat(e.exitCode()).isEqualTo(2);
                assertThat(e.getMessage()).doesNotContain("\n");
                continue;
            }
            ExportPlan plan = plan(cli, source, lane);
            Path out = ExportOptionsReadme.DIR.resolve("out").resolve(v.name());
            assertThat(plan.file().getParent()).isEqualTo(out);
            for (Path f : plan.files()) {
                created.add(f.getFileName().toString());
                String rel = v.name() + "/" + f.getFileName();
                ExportOptionsReadme.OutputFile ref = outputs.get(plan.format().name().contains("OME-Zarr")
                        ? rel + "/s0/.zarray" : rel);
                if (ref == null) {
                    assertThat(JILASTIK_FILES).as("ilastik wrote %s", rel).containsKey(v.name());
                    continue;
                }
                checkAgainst(plan, ref);
            }
        }
        if (REFUSED.contains(v.name())) {
            assertThat(v.rc()).isEqualTo(1);
            return;
        }
        List<String> expected = JILASTIK_FILES.containsKey(v.name()) ? JILASTIK_FILES.get(v.name())
                : v.files().stream().map(f -> f.contains(".zarr/") ? f.substring(0, f.indexOf(".zarr/") + 5) : f)
                        .distinct().toList();
        assertThat(created).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Dtype, and layout facts per format, against ilastik's file. */
    private static void checkAgainst(ExportPlan plan, ExportOptionsReadme.OutputFile ref) {
        // vigra's PNG writer maps float data to uint8 itself (the sink's job); the plan keeps the export dtype
        boolean pngOfFloats = ref.format().equals("PNG") && plan.exportDtype().isFloating();
        assertThat(pngOfFloats ? "uint8" : plan.exportDtype().numpyName()).isEqualTo(ref.dtype());
        long[] s = plan.outputShape();
        String shape = tuple(s);
        switch (plan.format().kind()) {
            case HDF5 -> {
                String internal = ref.format().substring(ref.format().indexOf('`') + 1, ref.format().lastIndexOf('`'));
                assertThat("/" + plan.internalPath().replaceFirst("^/", "")).isEqualTo(internal);
                assertThat(plan.compressionLevel()).isEqualTo(ref.format().contains("gzip") ? 1 : 0);
                assertThat(plan.outputAxes().letters()).isEqualTo(ref.layout());
                assertThat(shape).isEqualTo(ref.shape().endsWith(",)") ? ref.shape().replace(",)", ")") : ref.shape());
            }
            case NUMPY, OME_ZARR -> {
                assertThat(plan.internalPath()).isNull();
                assertThat(shape).isEqualTo(ref.shape());
                if (plan.format().kind() == ExportFormat.Kind.OME_ZARR) {
                    assertThat(plan.outputAxes().letters()).isEqualTo("tczyx");
                }
            }
            case IMAGE_2D -> {
                String expected = s[2] == 1 && !ref.format().equals("PNG") ? tuple(new long[] {s[0], s[1]}) : shape;
                assertThat(expected).isEqualTo(ref.shape());
            }
            case MULTIPAGE_TIFF -> {
                assertThat(plan.outputAxes().letters()).isEqualTo("tzcyx");
                assertThat(squeezed(s)).isEqualTo(ref.shape());
            }
            case IMAGE_2D_SEQUENCE, MULTIPAGE_TIFF_SEQUENCE -> {
                long[] slice = java.util.Arrays.copyOfRange(s, 1, s.length);
                String one = plan.format().kind() == ExportFormat.Kind.IMAGE_2D_SEQUENCE && slice[2] == 1
                        && ref.format().startsWith("TIFF") ? tuple(new long[] {slice[0], slice[1]})
                        : plan.format().kind() == ExportFormat.Kind.IMAGE_2D_SEQUENCE ? tuple(slice) : squeezed(slice);
                assertThat(one).isEqualTo(ref.shape());
            }
            default -> throw new AssertionError(plan.format().name());
        }
    }

    private static String tuple(long[] s) {
        return java.util.Arrays.toString(s).replace("[", "(").replace("]", ")");
    }

    /** The shape without its singleton axes (as tifffile shapes a multi-page file). */
    private static String squeezed(long[] s) {
        return tuple(java.util.Arrays.stream(s).filter(x -> x != 1).toArray());
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
