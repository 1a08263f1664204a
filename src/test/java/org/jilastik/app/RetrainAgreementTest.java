package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;
import org.jilastik.array.Block;
import org.jilastik.array.Box;
import org.jilastik.features.FeaturePlan;
import org.jilastik.io.ImageSource;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.autocontext.AutocontextExportSource;
import org.jilastik.workflow.autocontext.AutocontextPipeline;
import org.jilastik.workflow.pixel.PixelExportSource;
import org.jilastik.workflow.pixel.PixelPipeline;
import org.jilastik.workflow.pixel.TrainedStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A forest that jilastik trains from a reference project's stored labels (its own trainer, 100 trees, the
 * project's feature selection) must segment the project's image like ilastik's stored forest did: at least 98 %
 * of pixels equal to the case's reference Simple Segmentation (testdata/README.md). Every reference case with
 * stored pixel labels whose reference segmentation comes from the training image itself is here, Autocontext
 * (both stages retrained in order) included.
 */
class RetrainAgreementTest {
    private static final Path CASES = Path.of("../shared/testdata/ilastik-ref");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "new-2d-1ch-3class, blobs2d_pc.ilp, blobs2d-data_Simple_Segmentation.h5",
        "new-2d-3channel, rgb2d_pc.ilp, rgb2d-data_Simple_Segmentation.h5",
        "new-2d-allfeatures, allfeat2d_pc.ilp, allfeat2d-data_Simple_Segmentation.h5",
        "new-3d-allfeatures, blobs3d_pc.ilp, blobs3d-data_Simple_Segmentation.h5",
        "new-3d-computein2d, c2d3d_pc.ilp, c2d3d-data_Simple_Segmentation.h5",
        "notebook-pc-2d-cells, pc.ilp, 2d_cells_apoptotic_1channel_Simple_Segmentation.h5",
        "ij-2d-cells-apoptotic, pixel_class_2d_cells_apoptotic.ilp, 2d_cells_apoptotic_Simple_Segmentation.h5",
        "new-autocontext-2d, ac2d_autocontext.ilp, ac2d-data_Simple_Segmentation_Stage_2.h5",
    })
    void retrainedForestSegmentsLikeIlastik(String caseName, String ilp, String reference) {
        Project project = ProjectReader.read(CASES.resolve(caseName).resolve(ilp));
        List<StageTraining.TrainedResult> trained = StageTraining.trainAll(project,
                new StageTraining.Settings(null, null, 42, 2, false));
        float[] ref = referenceLabels(CASES.resolve(caseName).resolve("out").resolve(reference));
        byte[] ours;
        try (ImageSource image = StageTraining.openRaw(project, project.lanes().getFirst())) {
            ours = segment(image, trained.stream().map(StageTraining.TrainedResult::stage).toList());
        }
        assertThat(ours.length).as("pixels").isEqualTo(ref.length);
        int differ = 0;
        int first = -1;
        for (int i = 0; i < ref.length; i++) {
            if ((ours[i] & 0xff) != (int) ref[i]) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        double agreement = 1.0 - (double) differ / ref.length;
        System.out.printf("%s: retrained segmentation agrees on %.4f %% of %d pixels%n", caseName,
                100 * agreement, ref.length);
        assertThat(agreement).as(caseName + ": share of pixels equal to ilastik's segmentation (" + differ
                + " differ, first at pixel " + first + ")").isGreaterThanOrEqualTo(0.98);
    }

    // The final stage's Simple Segmentation over the whole image, C-order, computed in slabs along the first axis.
    static byte[] segment(ImageSource image, List<TrainedStage> stages) {
        long[] shape = image.shape();
        int c = shape.length - 1;
        long pixels = 1;
        for (int i = 0; i < c; i++) {
            pixels *= shape[i];
        }
        byte[] out = new byte[Math.toIntExact(pixels)];
        long step = Math.max(1, 65536 / Math.max(1, pixels / shape[0]));
        int at = 0;
        for (long a = 0; a < shape[0]; a += step) {
            long[] s = new long[shape.length];
            long[] e = shape.clone();
            s[0] = a;
            e[0] = Math.min(shape[0], a + step);
            Box box = new Box(s, e);
            Block block;
            if (stages.size() == 1) {
                PixelPipeline p = new PixelPipeline(stages.getFirst(),
                        FeaturePlan.of(stages.getFirst().features(), image.axes(), shape));
                block = p.compute(PixelExportSource.SIMPLE_SEGMENTATION, image.read(p.plan().inputBox(box)), box, null);
            } else {
                AutocontextPipeline p = AutocontextPipeline.of(stages, image.axes(), shape, image.dtype());
                AutocontextExportSource src = AutocontextExportSource.byName(
                        "Simple Segmentation Stage " + stages.size(), stages.size());
                block = p.compute(src, image.read(p.rawBox(src, box)), box, null);
            }
            byte[] part = (byte[]) block.data();
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static float[] referenceLabels(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            Object flat = ((Dataset) f.getByPath("exported_data")).getDataFlat();
            int n = Array.getLength(flat);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = ((Number) Array.get(flat, i)).floatValue();
            }
            return out;
        }
    }
}
