package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two protocol-0 pickle styles (synthetic texts with the structure ilastik writes). */
class ClassifierFactoryParserTest {
    /** 1.3+ style: unicode keys ({@code V...}), VERSION present. */
    private static final String UNICODE_KEYS = "ccopy_reg\n_reconstructor\np0\n"
            + "(clazyflow.classifiers.parallelVigraRfLazyflowClassifier\nParallelVigraRfLazyflowClassifierFactory\n"
            + "p1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nVVERSION\np6\nI2\nsV_num_trees\np7\nI64\n"
            + "sV_label_proportion\np8\nF0.25\nsV_variable_importance_path\np9\nV/tmp/imp.csv\np10\n"
            + "sV_variable_importance_enabled\np11\nI01\nsV_kwargs\np12\n(dp13\nsV_num_forests\np14\nI6\nsb.";

    /** 1.2 style: {@code S'...'} keys, no newline-separated memo after some values, None values. */
    private static final String STRING_KEYS = "ccopy_reg\n_reconstructor\np1\n"
            + "(clazyflow.classifiers.parallelVigraRfLazyflowClassifier\nParallelVigraRfLazyflowClassifierFactory\n"
            + "p2\nc__builtin__\nobject\np3\nNtRp4\n(dp5\nS'_variable_importance_path'\np6\nNsS'_kwargs'\np7\n"
            + "(dp8\nsS'_variable_importance_enabled'\np9\nI00\nsS'_num_trees'\np11\nI100\n"
            + "sS'_label_proportion'\np12\nNsS'_num_forests'\np13\nI40\nsb.";

    @Test
    void parsesUnicodeKeyPickles() {
        ClassifierFactorySettings s = ClassifierFactoryParser.parse(UNICODE_KEYS);
        assertThat(s.module()).isEqualTo("lazyflow.classifiers.parallelVigraRfLazyflowClassifier");
        assertThat(s.className()).isEqualTo("ParallelVigraRfLazyflowClassifierFactory");
        assertThat(s.classifierType()).isEqualTo(ClassifierType.PARALLEL_VIGRA_RF);
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.numTrees()).isEqualTo(64);
        assertThat(s.treesOrDefault()).isEqualTo(64);
        assertThat(s.labelProportion()).isEqualTo(0.25);
        assertThat(s.numForests()).isEqualTo(6);
        assertThat(s.variableImportanceEnabled()).isTrue();
        assertThat(s.variableImportancePath()).isEqualTo("/tmp/imp.csv");
    }

    @Test
    void parsesStringKeyPicklesOfThe12Era() {
        ClassifierFactorySettings s = ClassifierFactoryParser.parse(STRING_KEYS);
        assertThat(s.className()).isEqualTo("ParallelVigraRfLazyflowClassifierFactory");
        assertThat(s.version()).isNull();
        assertThat(s.numTrees()).isEqualTo(100);
        assertThat(s.labelProportion()).isNull();
        assertThat(s.numForests()).isEqualTo(40);
        assertThat(s.variableImportanceEnabled()).isFalse();
        assertThat(s.variableImportancePath()).isNull();
    }

    @Test
    void missingKeysAreNullAndTheTreeCountDefaultsTo100() {
        ClassifierFactorySettings s = ClassifierFactoryParser.parse(
                "ccopy_reg\n_reconstructor\np0\n(clazyflow.classifiers.sklearnLazyflowClassifier\n"
                        + "SklearnLazyflowClassifierFactory\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nsb.");
        assertThat(s.numTrees()).isNull();
        assertThat(s.treesOrDefault()).isEqualTo(100);
        assertThat(s.numForests()).isNull();
        assertThat(s.classifierType()).isEqualTo(ClassifierType.SKLEARN);
        assertThat(s.classifierType().usable()).isFalse();
    }
}
