package org.jilastik.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored multicut settings of the multicut-2d reference projects (values from the case README / h5py). */
class MulticutSettingsReaderTest {
    private static final Path CASE = Path.of("../shared/testdata/ilastik-ref/multicut-2d");

    @Test
    void readsWatershedEdgeFeatureAndSolverSettings() {
        MulticutSettings s = MulticutSettingsReader.read(CASE.resolve("cells2d_mc.ilp"));
        assertThat(s.channelSelections()).containsExactly(0);
        assertThat(s.threshold()).isEqualTo(0.2);
        assertThat(s.minSize()).isEqualTo(10);
        assertThat(s.sigma()).isEqualTo(0.7);
        assertThat(s.alpha()).isEqualTo(0.85);
        assertThat(s.pixelPitch()).isEmpty();
        assertThat(s.blockwise()).isTrue();
        assertThat(s.trainRandomForest()).isTrue();
        assertThat(s.beta()).isEqualTo(0.6);
        assertThat(s.probabilityThreshold()).isEqualTo(0.4);
        assertThat(s.solverName()).isEqualTo("kernighan-lin");
        assertThat(s.featureNames()).containsOnlyKeys("Raw Data", "Probabilities-0", "Probabilities-1",
                "wsdt boundary channel");
        assertThat(s.featureNames().get("Probabilities-1")).containsExactly("standard_edge_maximum",
                "standard_edge_count", "standard_edge_quantiles", "standard_sp_sum");
        assertThat(s.featureNames().get("wsdt boundary channel")).isEqualTo(List.of("edgeregion_edge_regionradii_0",
                "edgeregion_edge_regionradii_1", "standard_edge_mean", "standard_edge_quantiles_10",
                "standard_edge_quantiles_90"));
    }

    @Test
    void readsTheNoClassifierProject() {
        MulticutSettings s = MulticutSettingsReader.read(CASE.resolve("cells2d_mc_norf.ilp"));
        assertThat(s.trainRandomForest()).isFalse();
        assertThat(s.beta()).isEqualTo(0.5);
        assertThat(s.probabilityThreshold()).isEqualTo(0.5);
    }
}
