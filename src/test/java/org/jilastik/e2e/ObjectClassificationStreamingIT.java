package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The threshold variants run block by block: with a tiny memory budget, 16-pixel blocks and tiles and every label
 * image in temporary files, the pixel-classification variant (simple threshold, and hysteresis on two channels) and
 * the prediction-map variant (hysteresis) write the same bytes as with one block per frame, for Object
 * Identities, Object Probabilities, the blockwise sources and the object table. Projects: the reference object
 * case with the pixel stage of {@code export-options/ex2d_pc.ilp} (as {@link ObjectClassificationPixelIT}).
 */
class ObjectClassificationStreamingIT {
    private static final String CASE = "oc-from-segmentation-2d";
    private static final Path DONOR = CaseReadme.CASES.resolve("export-options").resolve("ex2d_pc.ilp");
    private static final Map<String, String> TINY = Map.of("LAZYFLOW_TOTAL_RAM_MB", "500",
            "JILASTIK_MAX_TILE_EDGE", "16", "JILASTIK_SPILL_LABELS", "1");
    private static final List<String> SOURCES = List.of("Object Identities", "Object Probabilities",
            "Blockwise Object Predictions", "Blockwise Object Probabilities");

    @Test
    void thresholdVariantsWriteTheSameBytesWithTinyBlocks(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ProjectCopies.objectVariant(work.resolve("ocseg_oc.ilp"), work.resolve("pix.ilp"),
                "ObjectClassificationWorkflowPixel", 1, DONOR, "FeatureSelections", "PixelClassification");
        Map<String, Long> hysteresis = new LinkedHashMap<>();
        hysteresis.put("CurOperator", 1L);
        hysteresis.put("Channel", 1L);
        hysteresis.put("CoreChannel", 2L);
        hysteresis.put("MinSize", 6L);
        ProjectCopies.objectVariant(work.resolve("ocseg_oc.ilp"), work.resolve("pixh.ilp"),
                "ObjectClassificationWorkflowPixel", hysteresis, DONOR, "FeatureSelections", "PixelClassification");
        ProjectCopies.objectVariant(work.resolve("ocseg_oc.ilp"), work.resolve("pred.ilp"),
                "Object Classification (from prediction image)", hysteresis, null);
        Jilastik.Result pp = Jilastik.run(work, Map.of(), List.of("--headless", "--project=pix.ilp",
                "--export_source=Pixel Probabilities", "--output_format=hdf5", "--output_filename_format=maps.h5",
                "--raw_data=ocseg_raw.h5/data"));
        assertThat(pp.exitCode()).as(pp.describe()).isZero();

        List<String> checked = new ArrayList<>();
        for (String project : List.of("pix.ilp", "pixh.ilp", "pred.ilp")) {
            List<String> inputs = new ArrayList<>(List.of("--raw_data=ocseg_raw.h5/data"));
            if (project.equals("pred.ilp")) {
                inputs.add("--prediction_maps=maps.h5/exported_data");
            }
            for (String source : SOURCES) {
                String stem = project.replace(".ilp", "") + "_" + source.replace(' ', '_');
                Path one = run(work, Map.of(), project, source, "one/" + stem, inputs);
                Path tiny = run(work, TINY, project, source, "tiny/" + stem, inputs);
                ExportedFile a = ExportedFile.read(one.resolve(stem + ".h5"), "exported_data");
                ExportedFile b = ExportedFile.read(tiny.resolve(stem + ".h5"), "exported_data");
                assertThat(b.shape()).containsExactly(a.shape());
                assertThat(b.dtype()).isEqualTo(a.dtype());
                switch (a.data()) {
                    case float[] f -> assertThat((float[]) b.data()).as(stem).containsExactly(f);
                    case byte[] u8 -> assertThat((byte[]) b.data()).as(stem).containsExactly(u8);
                    case int[] u32 -> {
                        assertThat((int[]) b.data()).as(stem).containsExactly(u32);
                        assertThat(java.util.Arrays.stream(u32).max().orElse(0)).as(stem + " objects")
                                .isGreaterThan(3);
                    }
                    default -> throw new AssertionError("unexpected data " + a.data().getClass());
                }
                List<String> ta = Files.readAllLines(one.resolve(stem + "_table.csv"), StandardCharsets.UTF_8);
                List<String> tb = Files.readAllLines(tiny.resolve(stem + "_table.csv"), StandardCharsets.UTF_8);
                assertThat(tb).as(stem + " table").containsExactlyElementsOf(ta);
                checked.add(stem);
            }
        }
        assertThat(checked).hasSize(12);
    }

    private static Path run(Path work, Map<String, String> env, String project, String source, String out,
            List<String> inputs) {
        List<String> args = new ArrayList<>(List.of("--headless", "--project=" + project,
                "--export_source=" + source, "--output_format=hdf5", "--output_filename_format=" + out + ".h5",
                "--table_filename=" + out + ".csv"));
        args.addAll(inputs);
        Jilastik.Result r = Jilastik.run(work, env, args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        if (!env.isEmpty()) {
            assertThat(String.join("\n", r.stderr())).as(r.describe()).contains("kept in temporary files");
        }
        return work.resolve(out).getParent();
    }
}
