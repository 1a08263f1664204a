package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The factory pickle jilastik writes is ilastik's text for ilastik's settings, and reads back through the parser. */
class ClassifierFactoryPickleTest {
    // ClassifierFactory of testdata/ilastik-ref/new-2d-1ch-3class/blobs2d_pc.ilp (written by ilastik 1.4.3.dev28)
    private static final String ILASTIK = "ccopy_reg\n_reconstructor\np0\n(clazyflow.classifiers."
            + "parallelVigraRfLazyflowClassifier\nParallelVigraRfLazyflowClassifierFactory\np1\nc__builtin__\nobject\n"
            + "p2\nNtp3\nRp4\n(dp5\nVVERSION\np6\nI2\nsV_num_trees\np7\nI100\nsV_label_proportion\np8\nNsV_variable_"
            + "importance_path\np9\nNsV_variable_importance_enabled\np10\nI00\nsV_kwargs\np11\n(dp12\nsV_num_forests\n"
            + "p13\nI2\nsb.";

    @Test
    void defaultsGiveIlastiksBytes() {
        assertThat(ClassifierFactoryPickle.of(100, 2, null, null)).isEqualTo(ILASTIK);
    }

    @Test
    void settingsReadBack() {
        ClassifierFactorySettings s = ClassifierFactoryParser.parse(
                ClassifierFactoryPickle.of(37, 5, 0.25, "/tmp/imp dir"));
        assertThat(s.className()).isEqualTo("ParallelVigraRfLazyflowClassifierFactory");
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.treesOrDefault()).isEqualTo(37);
        assertThat(s.numForests()).isEqualTo(5);
        assertThat(s.labelProportion()).isEqualTo(0.25);
        assertThat(s.variableImportanceEnabled()).isTrue();
        assertThat(s.variableImportancePath()).isEqualTo("/tmp/imp dir");
        assertThat(ClassifierFactoryPickle.of(37, 5, 0.25, "/tmp/imp dir")).contains("V/tmp/imp dir\np10\n"
                + "sV_variable_importance_enabled\np11\nI01\nsV_kwargs\np12\n(dp13\nsV_num_forests\np14\nI5\nsb.");
    }
}
