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
        for (LaneExportFacts lane : ReferenceCases.lanes(v)) {
            if (v.rc() != 0 || !supported) {
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
            for (ImageFile f : files(plan)) {
                String rel = v.name() + "/" + f.name();
                created.add(f.name());
                ExportOptionsReadme.OutputFile ref = outputs.get(rel);
                assertThat(ref).as("ilastik wrote %s", rel).isNotNull();
                assertThat(f.dtype()).as(rel).isEqualTo(ref.dtype());
                if (ref.format().startsWith("HDF5")) {
                    String internal = ref.format().substring(ref.format().indexOf('`') + 1,
                            ref.format().lastIndexOf('`'));
                    assertThat("/" + plan.internalPath().replaceFirst("^/", "")).isEqualTo(internal);
                    assertThat(plan.compressionLevel()).isEqualTo(ref.format().contains("gzip") ? 1 : 0);
                    assertThat(plan.outputAxes().letters()).isEqualTo(ref.layout());
                    assertThat(f.shape()).isEqualTo(ref.shape().endsWith(",)") ? ref.shape().replace(",)", ")")
                            : ref.shape());
                } else {
                    assertThat(plan.internalPath()).isNull();
                    assertThat(f.shape()).as(rel).isEqualTo(ref.shape());
                }
            }
        }
        if (v.rc() == 0 && supported) {
            assertThat(created).containsExactlyInAnyOrderElementsOf(v.files());
        }
    }

    /** A file the plan writes: name, dtype as stored, shape as the README's reader reports it. */
    record ImageFile(String name, String dtype, String shape) {
    }

    private static String tuple(long... s) {
        return Arrays.toString(s).replace("[", "(").replace("]", ")");
    }

    /** The files of a plan as the README describes them (TIFF drops a single channel, PNG keeps it). */
    private static List<ImageFile> files(ExportPlan plan) {
        String dtype = plan.exportDtype().numpyName();
        long[] s = plan.outputShape();
        String ext = plan.format().extension();
        org.jilastik.io.image.VigraImageFormat codec = org.jilastik.io.image.VigraImageFormat.ofExtension(ext);
        String imageDtype = codec == null ? dtype : org.jilastik.io.image.VigraPixelMapping
                .negotiate(plan.exportDtype(), codec.pixelTypes()).numpyName();
        List<ImageFile> out = new ArrayList<>();
        switch (plan.format().kind()) {
            case IMAGE_2D -> out.add(new ImageFile(plan.file().getFileName().toString(), imageDtype,
                    image(codec, s[0], s[1], s[2])));
            case IMAGE_2D_SEQUENCE -> {
                int step = ImageExportSinks.stepAxis(plan.outputAxes(), s);
                org.jilastik.array.Axes sa = ImageExportSinks.sliceImageAxes(plan.outputAxes(), s, step);
                long[] e = new long[3];
                for (int i = 0; i < 3; i++) {
                    int k = plan.outputAxes().indexOf(sa.get(i));
                    e[i] = k < 0 ? 1 : s[k];
                }
                for (Path f : ImageExportSinks.sliceFiles(plan, step)) {
                    out.add(new ImageFile(f.getFileName().toString(), imageDtype, image(codec, e[0], e[1], e[2])));
                }
            }
            case MULTIPAGE_TIFF -> out.add(new ImageFile(plan.file().getFileName().toString(), dtype, pages(s)));
            case MULTIPAGE_TIFF_SEQUENCE -> {
                int step = ImageExportSinks.stepAxis(plan.outputAxes(), s);
                long[] one = s.clone();
                one[step] = 1;
                long[] tzcyx = new long[5];
                for (int i = 0; i < 5; i++) {
                    int k = plan.outputAxes().indexOf("tzcyx".charAt(i));
                    tzcyx[i] = k < 0 ? 1 : one[k];
                }
                for (Path f : ImageExportSinks.sliceFiles(plan, step)) {
                    out.add(new ImageFile(f.getFileName().toString(), dtype, pages(tzcyx)));
                }
            }
            default -> out.add(new ImageFile(plan.file().getFileName().toString(), dtype, tuple(s)));
        }
        return out;
    }

    private static String image(org.jilastik.io.image.VigraImageFormat codec, long h, long w, long c) {
        return codec == null && c == 1 ? tuple(h, w) : tuple(h, w, c);
    }

    /** Multi-page TIFF as tifffile reports its series: t, z, c without singletons, then y, x. */
    private static String pages(long[] tzcyx) {
        List<Long> keep = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (tzcyx[i] > 1) {
                keep.add(tzcyx[i]);
            }
        }
        keep.add(tzcyx[3]);
        keep.add(tzcyx[4]);
        return tuple(keep.stream().mapToLong(Long::longValue).toArray());
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
