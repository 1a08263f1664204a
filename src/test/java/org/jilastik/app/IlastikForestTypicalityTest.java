package org.jilastik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.io.ImageSource;
import org.jilastik.project.Project;
import org.jilastik.project.ProjectReader;
import org.jilastik.workflow.pixel.TrainedStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ilastik's trained forest is a typical draw from jilastik's trainer. A trainer cannot reproduce ilastik's trees
 * (ilastik seeds vigra from the clock), but if it grows trees the way vigra does, from the same training set, then
 * ilastik's stored forest is one more sample of the same random forest distribution: its segmentation agrees with
 * jilastik's forests about as well as they agree with each other. The test trains {@value #FORESTS} forests (fixed
 * seeds) on the project's labels, takes each forest's mean pixel agreement with the other forests, and requires
 * ilastik's mean agreement with jilastik's forests to lie inside that spread (neither below nor above all of
 * them). A trainer that splits differently makes ilastik's forest an outlier: with {@code mtry} 1 instead of
 * {@code floor(sqrt(F) + 0.5)} two of the four projects fail, with {@code mtry} = all features all four (measured). The segmentations are computed on the project's own image.
 *
 * <p>These are the projects whose image is small enough for {@value #FORESTS} full segmentations in a second or
 * two; the 98 % agreement of single forests on every project is {@link RetrainAgreementTest}.
 */
class IlastikForestTypicalityTest {
    private static final Path CASES = Path.of("../shared/testdata/ilastik-ref");
    private static final int FORESTS = 60;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "axes-order, ax2d_pc.ilp",
        "axes-order, ax3d_pc.ilp",
        "export-options, ex2d_pc.ilp",
        "export-options, ex3d_pc.ilp",
    })
    void ilastiksForestIsATypicalForestOfOurTrainer(String caseName, String ilp) {
        Project project = ProjectReader.read(CASES.resolve(caseName).resolve(ilp));
        byte[] ilastik;
        List<byte[]> ours = new ArrayList<>();
        try (ImageSource image = StageTraining.openRaw(project, project.lanes().getFirst())) {
            ilastik = RetrainAgreementTest.segment(image, project.pixelStages().stream().map(TrainedStage::of).toList());
            for (int seed = 1; seed <= FORESTS; seed++) {
                ours.add(RetrainAgreementTest.segment(image, StageTraining.trainAll(project,
                        new StageTraining.Settings(null, null, 1000 + seed, 2, false)).stream()
                        .map(StageTraining.TrainedResult::stage).toList()));
            }
        }
        double ilastikMean = 0;
        for (byte[] o : ours) {
            ilastikMean += agreement(ilastik, o) / FORESTS;
        }
        int lower = 0;
        int higher = 0;
        double min = 1;
        double max = 0;
        for (int a = 0; a < FORESTS; a++) {
            double mean = 0;
            for (int b = 0; b < FORESTS; b++) {
                mean += b == a ? 0 : agreement(ours.get(a), ours.get(b)) / (FORESTS - 1);
            }
            lower += mean < ilastikMean ? 1 : 0;
            higher += mean > ilastikMean ? 1 : 0;
            min = Math.min(min, mean);
            max = Math.max(max, mean);
        }
        System.out.printf("%s/%s: ilastik's forest agrees with jilastik's on %.4f %% of pixels on average; jilastik's "
                + "forests with each other %.4f–%.4f %% (%d of %d lower)%n", caseName, ilp, 100 * ilastikMean,
                100 * min, 100 * max, lower, FORESTS);
        assertThat(lower).as("jilastik forests agreeing less with the others than ilastik's does").isPositive();
        assertThat(higher).as("jilastik forests agreeing more with the others than ilastik's does").isPositive();
    }

    private static double agreement(byte[] a, byte[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }
}
