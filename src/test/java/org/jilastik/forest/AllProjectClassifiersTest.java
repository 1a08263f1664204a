package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vigra forest stored in the test projects (all eras and workflows) decodes and compiles. */
class AllProjectClassifiersTest {
    static Stream<Arguments> classifierGroups() {
        String r = "ilastik-ref/";
        return Stream.of(
                Arguments.of(r + "new-2d-1ch-3class/blobs2d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-2d-3channel/rgb2d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-2d-allfeatures/allfeat2d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-3d-allfeatures/blobs3d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-3d-computein2d/c2d3d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "ij-2d-cells-apoptotic/pixel_class_2d_cells_apoptotic.ilp",
                        "PixelClassification/ClassifierForests"),
                Arguments.of(r + "notebook-pc-2d-cells/pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "axes-order/ax2d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "axes-order/ax3d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "export-options/ex2d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "export-options/ex3d_pc.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-autocontext-2d/ac2d_autocontext.ilp", "PixelClassification/ClassifierForests"),
                Arguments.of(r + "new-autocontext-2d/ac2d_autocontext.ilp", "PixelClassification01/ClassifierForests"),
                Arguments.of(r + "oc-from-segmentation-2d/ocseg_oc.ilp", "ObjectClassification/ClassifierForests"),
                Arguments.of(r + "tracking-2dt/trk2d_tracking.ilp", "CountClassification/ClassifierForests"),
                Arguments.of(r + "tracking-2dt/trk2d_tracking.ilp", "DivisionDetection/ClassifierForests"),
                Arguments.of("upstream/mitocheck-mergers/mitocheckPixelClassificationMergers.ilp",
                        "PixelClassification/ClassifierForests"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("classifierGroups")
    void decodesAndAgreesWithItsOwnMetadata(String ilp, String groupPath) {
        VigraClassifier c = TestData.classifier(ilp, groupPath);
        assertThat(c.type()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(c.forests()).isNotEmpty();
        for (VigraForest f : c.forests()) {
            assertThat(f.treeCount()).isEqualTo((int) f.options().get("tree_count_")[0]);
            assertThat(f.labels()).containsExactly(c.knownLabels());
            assertThat(f.extParams().get("class_weights_")).hasSize(f.classCount());
            assertThat(f.version()).containsExactly(0.1);
            for (VigraTree t : f.trees()) {
                assertThat(t.topology()[0]).as("topology[0] = feature count").isEqualTo(f.columnCount());
                assertThat(t.topology()[1]).as("topology[1] = class count").isEqualTo(f.classCount());
            }
        }
        if (!c.featureNames().isEmpty()) {
            assertThat(c.featureNames()).hasSize(c.featureCount());
        }
        // The stored classifiers sum to 100 trees except the 1.2-era mitocheck one (40 forests x 2-3 trees).
        assertThat(c.treeCount()).isGreaterThanOrEqualTo(100);
        ForestPredictor p = ForestPredictor.compile(c, (int) c.maxLabel());
        float[] out = p.predict(new float[3 * c.featureCount()], 3);
        for (int i = 0; i < 3; i++) {
            float sum = 0;
            for (int ch = 0; ch < p.channelCount(); ch++) {
                sum += out[i * p.channelCount() + ch];
            }
            assertThat(sum).as("probabilities of a pixel sum to 1").isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
