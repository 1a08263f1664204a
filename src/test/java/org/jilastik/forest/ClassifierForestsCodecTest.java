package org.jilastik.forest;

import org.jilastik.project.ClassifierType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;
import org.jilastik.project.StoredGroup;
import org.junit.jupiter.api.Test;

/** Classifier types from {@code pickled_type}, unsupported classifiers, damaged forests. */
class ClassifierForestsCodecTest {
    static final long[] TWO = {1, 2};

    private static StoredGroup group(Map<String, Object> datasets, Map<String, StoredGroup> groups) {
        return new StoredGroup("ClassifierForests", Map.of(), datasets, groups);
    }

    @Test
    void parsesPickledTypes() {
        assertThat(ClassifierType.fromPickledType(
                "clazyflow.classifiers.parallelVigraRfLazyflowClassifier\nParallelVigraRfLazyflowClassifier\np1\n."))
                .isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(ClassifierType.fromPickledType(ClassifierType.VIGRA_RF.pickledType()))
                .isEqualTo(ClassifierType.VIGRA_RF);
        assertThat(ClassifierType.fromPickledType(
                "clazyflow.classifiers.sklearnLazyflowClassifier\nSklearnLazyflowClassifier\np0\n."))
                .isEqualTo(ClassifierType.SKLEARN);
        assertThat(ClassifierType.fromPickledType(null)).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        // protocol 4 (binary) names the class in a short unicode string
        assertThat(ClassifierType.fromPickledType("\u0080\u0004\u0095..\u008c)lazyflow.classifiers.x\u0094\u008c"
                + "\u0019VigraRfPixelwiseClassifier\u0094\u0093\u0094.")).isEqualTo(ClassifierType.VIGRA_RF_PIXELWISE);
        assertThat(ClassifierType.fromPickledType("ctiktorch.x\nTikTorchLazyflowClassifier\np0\n."))
                .isEqualTo(ClassifierType.UNKNOWN);
    }

    @Test
    void scikitLearnClassifierIsRefusedWithOneSentence() {
        StoredGroup sk = group(Map.of("pickled_type",
                "clazyflow.classifiers.sklearnLazyflowClassifier\nSklearnLazyflowClassifier\np0\n.",
                "pickled_classifier", "ccopy_reg\n_reconstructor\n..."), Map.of());
        assertThatThrownBy(() -> ClassifierForestsCodec.decode(sk, "PixelClassification/ClassifierForests"))
                .isInstanceOf(JilastikException.class)
                .hasMessage("the project's classifier is a scikit-learn classifier, which jilastik cannot load; "
                        + "retrain it with a vigra random forest in ilastik or with `jilastik --retrain`")
                .extracting(e -> ((JilastikException) e).exitCode()).isEqualTo(1);
        StoredGroup other = group(Map.of("pickled_type", "cx\nTikTorchLazyflowClassifier\np0\n."), Map.of());
        assertThatThrownBy(() -> ClassifierForestsCodec.decode(other, "X"))
                .hasMessageStartingWith("the project's classifier is a TikTorchLazyflowClassifier, which jilastik");
    }

    @Test
    void singleForestVariantAndMissingKnownLabels() {
        VigraForest f = TinyForests.forest(3, TWO, false, TinyForests.leaf(3, 1, 0.5, 0.5));
        VigraClassifier single = new VigraClassifier(ClassifierType.VIGRA_RF, List.of(f), TWO, List.of("a", "b", "c"),
                null);
        StoredGroup encoded = ClassifierForestsCodec.encode(single, "ClassifierForests");
        assertThat(encoded.groups()).containsOnlyKeys("forest");
        assertThat(ClassifierForestsCodec.decode(encoded, "X").sameAs(single)).isTrue();

        StoredGroup noLabels = group(Map.of(), Map.of("Forest0000", VigraForestCodec.encode(f, "Forest0000")));
        VigraClassifier c = ClassifierForestsCodec.decode(noLabels, "X");
        assertThat(c.type()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(c.knownLabels()).containsExactly(1, 2);
        assertThat(c.featureNames()).isEmpty();
    }

    @Test
    void damagedForestsAreReportedWithTheirPath() {
        VigraTree hyperplane = new VigraTree(new int[] {1, 2, 1, 0, 0, 0, 0}, new double[] {1, 0, 0});
        StoredGroup bad = VigraForestCodec.encode(TinyForests.forest(1, TWO, false, hyperplane), "Forest0000");
        assertThatThrownBy(() -> VigraForestCodec.decode(bad, "PixelClassification/ClassifierForests/Forest0000"))
                .isInstanceOf(JilastikException.class)
                .hasMessageContaining("PixelClassification/ClassifierForests/Forest0000")
                .hasMessageContaining("node type 1");
        VigraTree outside = new VigraTree(new int[] {1, 2, 0, 0, 7, 99, 0, TinyForests.LEAF, 2}, new double[] {1, 0, 1, 1, 0});
        StoredGroup bad2 = VigraForestCodec.encode(TinyForests.forest(1, TWO, false, outside), "Forest0000");
        assertThatThrownBy(() -> VigraForestCodec.decode(bad2, "F")).hasMessageContaining("outside");
    }
}
