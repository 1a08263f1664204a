package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jilastik.project.TrackingSettings;
import org.jilastik.project.TrackingSettingsReader;
import org.junit.jupiter.api.Test;

/** The tracking parameters and feature selections of tracking-2dt as its README states them. */
class TrackingSettingsReferenceTest {
    @Test
    void readsTheStoredConservationTrackingParameters() {
        TrackingSettings s = TrackingSettingsReader.read(Path.of(
                "../shared/testdata/ilastik-ref/tracking-2dt/trk2d_tracking.ilp"));
        TrackingParameters p = s.parameters();
        assertThat(p.maxObj()).isEqualTo(2);
        assertThat(p.withDivisions()).isTrue();
        assertThat(p.divThreshold()).isEqualTo(0.1);
        assertThat(p.withMergerResolution()).isTrue();
        assertThat(p.withTracklets()).isTrue();
        assertThat(p.maxDist()).isEqualTo(200);
        assertThat(p.maxNearestNeighbors()).isEqualTo(3);
        assertThat(p.borderAwareWidth()).isEqualTo(10);
        assertThat(p.appearanceCost()).isEqualTo(500);
        assertThat(p.disappearanceCost()).isEqualTo(500);
        assertThat(p.transWeight()).isEqualTo(10);
        assertThat(p.divWeight()).isEqualTo(10);
        assertThat(p.scales()).containsExactly(1, 1, 1);
        assertThat(p.sizeMin()).isEqualTo(3);
        assertThat(p.sizeMaxExclusive()).isEqualTo(1_000_001);
        assertThat(p.numFramesPerSplit()).isZero();
        assertThat(s.detectionWeight()).isEqualTo(10);
        assertThat(s.structured()).isFalse();
        assertThat(s.withClassifierPrior()).isTrue();
        assertThat(s.threshold()).isNull();
        assertThat(s.featuresVigra()).hasSize(9 + 9 + 20);
        assertThat(s.featuresDivision()).extracting(f -> f.name()).containsExactly("ChildrenRatio_Count",
                "ChildrenRatio_Mean", "ChildrenRatio_SquaredDistances", "ParentChildrenAngle_RegionCenter",
                "ParentChildrenRatio_Count", "ParentChildrenRatio_Mean", "SquaredDistances_0", "SquaredDistances_1",
                "SquaredDistances_2");
        assertThat(s.countFeatures()).hasSize(9 + 6 + 5);
        assertThat(s.divisionFeatures()).hasSize(9 + 6 + 9 + 3);
    }
}
