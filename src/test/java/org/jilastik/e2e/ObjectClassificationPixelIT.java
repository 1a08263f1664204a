package org.jilastik.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jilastik.array.Axes;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.ImageSource;
import org.jilastik.io.ReorderedSource;
import org.jilastik.io.hdf5.Hdf5Source;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Object Classification (from pixel classification)" variant, for which no ilastik output exists: a project
 * made from the reference case's object project plus the pixel stage of {@code export-options/ex2d_pc.ilp}
 * (threshold on its class 1, ilastik's default threshold settings). Its {@code Pixel Probabilities} must be what
 * {@link PixelPipeline} computes from the raw image in one piece, bit for bit, also with 16-pixel tiles; its object
 * outputs (image and table) must be byte for byte those of the prediction-map variant of the same project given
 * those probabilities as {@code --prediction_maps}.
 */
class ObjectClassificationPixelIT {
    private static final String CASE = "oc-from-segmentation-2d";
    private static final Path DONOR = CaseReadme.CASES.resolve("export-options").resolve("ex2d_pc.ilp");

    @Test
    void pixelVariantIsThePixelStageThenThePredictionMapVariant(@TempDir Path dir) throws IOException {
        Path work = Workspace.of(CASE, dir);
        ProjectCopies.objectVariant(work.resolve("ocseg_oc.ilp"), work.resolve("pix.ilp"),
                "ObjectClassificationWorkflowPixel", 1, DONOR, "FeatureSelections", "PixelClassification");
        ProjectCopies.objectVariant(work.resolve("ocseg_oc.ilp"), work.resolve("pred.ilp"),
                "Object Classification (from prediction image)", 1, null);

        Jilastik.Result pp = Jilastik.run(work, Map.of("JILASTIK_MAX_TILE_EDGE", "16"), List.of("--headless",
                "--project=pix.ilp", "--export_source=Pixel Probabilities", "--output_format=hdf5",
                "--output_filename_format=out/pp.h5", "--raw_data=ocseg_raw.h5/data"));
        assertThat(pp.exitCode()).as(pp.describe()).isZero();
        ExportedFile maps = ExportedFile.read(work.resolve("out/pp.h5"), "exported_data");
        float[] expected = pixelStageInOnePiece(work.resolve("pix.ilp"), work.resolve("ocseg_raw.h5"));
        assertThat(maps.shape()).containsExactly(200, 240, 3);
        assertThat((float[]) maps.data()).containsExactly(expected);

        Jilastik.Result pix = Jilastik.run(work, Map.of(), List.of("--headless", "--project=pix.ilp",
                "--export_source=Object Predictions", "--output_format=hdf5",
                "--output_filename_format=out/pix_objects.h5", "--table_filename=out/pix.csv",
                "--raw_data=ocseg_raw.h5/data"));
        assertThat(pix.exitCode()).as(pix.describe()).isZero();
        Jilastik.Result pred = Jilastik.run(work, Map.of(), List.of("--headless", "--project=pred.ilp",
                "--export_source=Object Predictions", "--output_format=hdf5",
                "--output_filename_format=out/pred_objects.h5", "--table_filename=out/pred.csv",
                "--raw_data=ocseg_raw.h5/data", "--prediction_maps=out/pp.h5/exported_data"));
        assertThat(pred.exitCode()).as(pred.describe()).isZero();

        List<String> pixTable = Files.readAllLines(work.resolve("out/pix_table.csv"), StandardCharsets.UTF_8);
        List<String> predTable = Files.readAllLines(work.resolve("out/pred_table.csv"), StandardCharsets.UTF_8);
        assertThat(pixTable.size()).as("objects found").isGreaterThan(3);
        assertThat(pixTable).containsExactlyElementsOf(predTable);
        ExportedFile a = ExportedFile.read(work.resolve("out/pix_objects.h5"), "exported_data");
        ExportedFile b = ExportedFile.read(work.resolve("out/pred_objects.h5"), "exported_data");
        assertThat(a.shape()).containsExactly(b.shape());
        assertThat((byte[]) a.data()).containsExactly((byte[]) b.data());
    }

    /** The project's pixel stage on the whole 200×240 raw image as one block, flat {@code [y][x][class]}. */
    private static float[] pixelStageInOnePiece(Path ilp, Path raw) {
        TrainedStage stage = TrainedStage.of(ProjectReader.read(ilp).pixelStages().getFirst());
        Axes yxc = Axes.of("yxc");
        try (ImageSource src = Hdf5Source.open(raw, "data", "raw")) {
            ImageSource view = new ReorderedSource(src, yxc);
            PixelPipeline p = new PixelPipeline(stage, FeaturePlan.of(stage.features(), yxc, view.shape()));
            Box all = Box.ofShape(view.shape());
            Block input = view.read(p.plan().inputBox(all));
            return (float[]) p.compute(PixelExportSource.PROBABILITIES, input, all, null).data();
        }
    }
}
