package org.jilastik.workflow.tracking.merger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Draws of numpy 1.24 {@code RandomState(42)} (values printed by numpy). */
class NumpyRandomStateTest {
    @Test
    void reproducesNumpySequence() {
        assertThat(new NumpyRandomState(42).nextUint32()).isEqualTo(1608637542L);
        NumpyRandomState rs = new NumpyRandomState(42);
        assertThat(rs.randint(153)).isEqualTo(102);
        assertThat(rs.randomSample()).isEqualTo(0.7965429868602328);
        assertThat(rs.randomSample()).isEqualTo(0.1834347898661638);
        assertThat(rs.randint(1000)).isEqualTo(71);
        assertThat(rs.randomSample()).isEqualTo(0.5986584841970366);
    }
}
