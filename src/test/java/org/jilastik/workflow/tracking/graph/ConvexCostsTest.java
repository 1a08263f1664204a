package org.jilastik.workflow.tracking.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** hytra's convexify rule on the examples of spec tracking §2.6. */
class ConvexCostsTest {
    @Test
    void convexifiesLikeHytra() {
        assertThat(ConvexCosts.convexify(new double[] {0, 0, 0})).containsExactly(0, 1e-6, 3e-6);
        assertThat(ConvexCosts.convexify(new double[] {0, 1, 1})).containsExactly(0, 1, 2.000001);
        // transition [a, b, b] with b < a: [a, b, b + 1e-6]; with b > a: [a, b, 2b − a + 1e-6]
        assertThat(ConvexCosts.convexify(new double[] {5, 2, 2})).containsExactly(5, 2, 2 + 1e-6);
        assertThat(ConvexCosts.convexify(new double[] {1, 3, 3})).containsExactly(1, 3, 3 + (3 - 1 + 1e-6));
        double[] convex = {4.605170208339834, 0.04082201687199717, 3.5065579196717236};
        assertThat(ConvexCosts.convexify(convex)).containsExactly(convex);
        assertThat(ConvexCosts.convexify(null)).isNull();
    }
}
