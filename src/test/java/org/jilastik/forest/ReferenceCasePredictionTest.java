package org.jilastik.forest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Probabilities, Simple Segmentation and Uncertainty predicted from ilastik's own Features export with the
 * project's stored forests agree with ilastik's exports (whole Features array = the corner crop documented in
 * each case README; the reference outputs are read on the same window).
 */
class ReferenceCasePredictionTest {
    static final String REF = "ilastik-ref/";

    static Stream<Arguments> cases() {
        return Stream.of(
                pc("new-2d-1ch-3class", "blobs2d_pc.ilp", "blobs2d-data", ""),
                pc("new-2d-3channel", "rgb2d_pc.ilp", "rgb2d-data", ""),
                pc("new-2d-allfeatures", "allfeat2d_pc.ilp", "allfeat2d-data", ""),
                pc("new-3d-allfeatures", "blobs3d_pc.ilp", "blobs3d-data", ""),
                pc("new-3d-computein2d", "c2d3d_pc.ilp", "c2d3d-data", ""),
                pc("ij-2d-cells-apoptotic", "pixel_class_2d_cells_apoptotic.ilp", "2d_cells_apoptotic", ""),
                pc("notebook-pc-2d-cells", "pc.ilp", "2d_cells_apoptotic_1channel", ""),
                Arguments.of("new-autocontext-2d stage 2", REF + "new-autocontext-2d/ac2d_autocontext.ilp",
                        "PixelClassification01", REF + "new-autocontext-2d/out/ac2d-data_", "_Stage_2"));
    }

    private static Arguments pc(String dir, String ilp, String nickname, String suffix) {
        return Arguments.of(dir, REF + dir + "/" + ilp, "PixelClassification", REF + dir + "/out/" + nickname + "_",
                suffix);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictionsFromIlastikFeaturesMatchIlastik(String name, String ilp, String applet, String outPrefix,
                                                   String suffix) {
        VigraClassifier classifier = TestData.classifier(ilp, applet + "/ClassifierForests");
        int labels = TestData.labelNameCount(ilp, applet);
        TestData.Array32 features = TestData.exported(outPrefix + "Features" + suffix + ".h5", null);
        int[] probShape = TestData.shape(outPrefix + "Probabilities" + suffix + ".h5");
        int[] window = features.shape().clone();
        window[window.length - 1] = probShape[probShape.length - 1];
        TestData.Array32 probabilities = TestData.exported(outPrefix + "Probabilities" + suffix + ".h5", window);

        assertThat(features.last()).as("feature channels = column_count_").isEqualTo(classifier.featureCount());
        assertThat(probabilities.last()).as("probability channels = label names").isEqualTo(labels);
        assertThat(classifier.featureNames()).as("feature_names").hasSize(classifier.featureCount());

        ForestPredictor predictor = ForestPredictor.compile(classifier, labels);
        float[] ours = predictor.predict(features.data(), features.pixels());
        Agreement.assertProbabilitiesAgree(name + " Probabilities", ours, probabilities.data(), labels);

        float[] reference = new float[ours.length];
        new VigraReferencePredictor(classifier, labels).predict(features.data(), 0, features.pixels(), reference, 0);
        assertThat(ours).as("fast engine = vigra-order reference, bit for bit").containsExactly(reference);

        int[] single = window.clone();
        single[single.length - 1] = 1;
        TestData.Array32 segmentation = TestData.exported(outPrefix + "Simple_Segmentation" + suffix + ".h5", single);
        TestData.Array32 uncertainty = TestData.exported(outPrefix + "Uncertainty" + suffix + ".h5", single);
        Agreement.assertLabelsAgree(name + " Simple Segmentation", ProbabilityMaps.simpleSegmentation(ours, labels),
                segmentation.data());
        Agreement.assertProbabilitiesAgree(name + " Uncertainty", ProbabilityMaps.uncertainty(ours, labels),
                uncertainty.data(), 1);
    }
}
