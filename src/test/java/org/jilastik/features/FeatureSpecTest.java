package org.jilastik.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** The --features syntax of jilastik train. */
class FeatureSpecTest {
    @Test
    void allIsIlastiksSelectAll() {
        FeatureSelection all = FeatureSpec.parse(null, true);
        assertThat(all.featureIds()).containsExactly("GaussianSmoothing", "LaplacianOfGaussian",
                "GaussianGradientMagnitude", "DifferenceOfGaussians", "StructureTensorEigenvalues",
                "HessianOfGaussianEigenvalues");
        assertThat(all.scales()).containsExactly(0.3, 0.7, 1.0, 1.6, 3.5, 5.0, 10.0);
        assertThat(all.selectedCount()).isEqualTo(37);
        assertThat(all.selected()[0][0]).isTrue();
        assertThat(all.selected()[1][0]).isFalse();
        assertThat(all.computeIn2d()).containsOnly(true);
        assertThat(FeatureSpec.parse("ALL", false).computeIn2d()).containsOnly(false);
    }

    @Test
    void itemsByIdOrShortName() {
        FeatureSelection s = FeatureSpec.parse("gs@0.3, LaplacianOfGaussian@1.6,hoge@3.5,STE@10", true);
        assertThat(s.selectedCount()).isEqualTo(4);
        assertThat(s.selected()[0][0]).isTrue();
        assertThat(s.selected()[1][3]).isTrue();
        assertThat(s.selected()[5][4]).isTrue();
        assertThat(s.selected()[4][6]).isTrue();
    }

    @Test
    void badItemsAreUsageErrors() {
        assertThatThrownBy(() -> FeatureSpec.parse("gs", true)).isInstanceOf(JilastikException.class)
                .hasMessageContaining("\"gs\" is not NAME@SIGMA");
        assertThatThrownBy(() -> FeatureSpec.parse("edges@1.0", true)).hasMessageContaining("names no feature");
        assertThatThrownBy(() -> FeatureSpec.parse("gs@2.0", true)).hasMessageContaining("scale other than");
        assertThatThrownBy(() -> FeatureSpec.parse("dog@0.3", true)).hasMessageContaining("GaussianSmoothing only");
    }
}
