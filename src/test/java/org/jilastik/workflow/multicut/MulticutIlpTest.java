package org.jilastik.workflow.multicut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact multicut against exhaustive enumeration of every partition of small random graphs, and on ilastik's
 * weights of the multicut-2d norf case, where it must reach at least the energy of ilastik's solver.
 */
class MulticutIlpTest {
    @Test
    void equalsExhaustiveOptimumOnSmallRandomGraphs() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + rnd.nextInt(5);
            List<int[]> edges = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (rnd.nextDouble() < 0.6) {
                        edges.add(new int[] {a, b});
                    }
                }
            }
            int[] u = edges.stream().mapToInt(e -> e[0]).toArray();
            int[] v = edges.stream().mapToInt(e -> e[1]).toArray();
            EdgeGraph g = EdgeGraph.of(n, u, v);
            double[] w = new double[u.length];
            for (int e = 0; e < w.length; e++) {
                w[e] = rnd.nextGaussian();
            }
            double best = bestByEnumeration(g, w, new int[n], 0, 0);
            int[] labels = MulticutIlp.solve(g, w);
            assertThat(g.energy(w, labels)).as("trial %d: n %d, u %s, v %s, w %s, labels %s", trial, n,
                    Arrays.toString(u), Arrays.toString(v), Arrays.toString(w), Arrays.toString(labels))
                    .isCloseTo(best, within(1e-9));
        }
    }

    @Test
    void reachesAtLeastTheEnergyOfIlastiksSolverOnTheNorfCase() {
        try (Intermediate in = Intermediate.of("cells2d_mc_norf")) {
            EdgeGraph g = in.graph();
            double[] w = in.doubles("edge_weights");
            long t0 = System.nanoTime();
            int[] labels = MulticutIlp.solve(g, w);
            double energy = g.energy(w, labels);
            System.out.printf("exact multicut of cells2d_mc_norf (%d edges): energy %.6f in %.1f s (ilastik's "
                    + "kernighan-lin: -345.439003)%n", g.edgeCount(), energy, (System.nanoTime() - t0) / 1e9);
            assertThat(energy).isLessThanOrEqualTo(-345.439003 + 1e-6);
        }
    }

    // restricted-growth strings enumerate every partition once
    private static double bestByEnumeration(EdgeGraph g, double[] w, int[] labels, int node, int used) {
        if (node == labels.length) {
            return g.energy(w, labels);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int l = 0; l <= used; l++) {
            labels[node] = l;
            best = Math.min(best, bestByEnumeration(g, w, labels, node + 1, Math.max(used, l + 1)));
        }
        return best;
    }
}
