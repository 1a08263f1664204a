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
import org.jilastik.forest.ForestTrainer;
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
 * of pixels equal to the case's reference Simple Segmentation, or the argmax of its Probabilities (testdata/README.md).
 * Every reference project with stored pixel labels is here, each with an ilastik output of its own training image
 * (for {@code axes-order}: the {@code *_tags} input that holds the same array), Autocontext (both stages retrained
 * in order) included.
 */
class RetrainAgreementTest {
    private static final Path CASES = Path.of("../shared/testdata/ilastik-ref");

    @ParameterizedTest(name = "{0} {1}")
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
        assertThat(agreement(caseName, ilp, reference, ForestTrainer.DEFAULT_SEED)).isGreaterThanOrEqualTo(0.98);
    }

    /**
     * The four small projects (83–406 labelled pixels, 4 800–15 360 image pixels) are judged on the mean of eight
     * forests (seeds 1–8): with so few labels one forest's Monte-Carlo noise is as large as the margin — measured on
     * {@code ax2d} (105 labels), eight of jilastik's forests disagree with each other on 0.5–2.6 % of pixels and
     * with ilastik's on 0.6–2.9 %; ilastik's own forest, retrained, varies the same way. The mean must reach 98 %,
     * every single forest 97 %.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "axes-order, ax2d_pc.ilp, a2_yx_tags_noflags_Simple_Segmentation.h5",
        "axes-order, ax3d_pc.ilp, a3_zyx_tags_noflags_Simple_Segmentation.h5",
        "export-options, ex2d_pc.ilp, 2d_axis_yx_segmentation/ex2d-data_Simple Segmentation.h5",
        "export-options, ex3d_pc.ilp, 3d_hdf5_default/ex3d-data_Probabilities.h5",
    })
    void smallProjectsSegmentLikeIlastikOnAverage(String caseName, String ilp, String reference) {
        double sum = 0;
        for (long seed = 1; seed <= 8; seed++) {
            double a = agreement(caseName, ilp, reference, seed);
            assertThat(a).as(caseName + "/" + ilp + " seed " + seed).isGreaterThanOrEqualTo(0.97);
            sum += a;
        }
        System.out.printf("%s/%s: mean of 8 forests agrees on %.4f %%%n", caseName, ilp, 100 * sum / 8);
        assertThat(sum / 8).as(caseName + "/" + ilp + ": mean agreement of 8 forests").isGreaterThanOrEqualTo(0.98);
    }

    // Share of pixels where a forest trained with `seed` segments the case's image as ilastik did.
    private static double agreement(String caseName, String ilp, String reference, long seed) {
        Project project = ProjectReader.read(CASES.resolve(caseName).resolve(ilp));
        List<StageTraining.TrainedResult> trained = StageTraining.trainAll(project,
                new StageTraining.Settings(null, null, seed, 2, false));
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
        System.out.printf("%s/%s seed %d: retrained segmentation agrees on %.4f %% of %d pixels (%d differ, first "
                + "at pixel %d)%n", caseName, ilp, seed, 100 * agreement, ref.length, differ, first);
        return agreement;
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

    // The reference segmentation: a Simple Segmentation as stored, or a Probabilities file's argmax + 1 (the
    // first largest channel, as ilastik's segmentation takes it).
    static float[] referenceLabels(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            Dataset d = (Dataset) f.getByPath("exported_data");
            Object flat = d.getDataFlat();
            int n = Array.getLength(flat);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = ((Number) Array.get(flat, i)).floatValue();
            }
            if (!file.getFileName().toString().contains("Probabilities")) {
                return values;
            }
            int[] dims = d.getDimensions();
            int channels = dims[dims.length - 1];
            float[] out = new float[n / channels];
            for (int p = 0; p < out.length; p++) {
                int best = 0;
                for (int k = 1; k < channels; k++) {
                    if (values[p * channels + k] > values[p * channels + best]) {
                        best = k;
                    }
                }
                out[p] = best + 1;
            }
            return out;
        }
    }
}
