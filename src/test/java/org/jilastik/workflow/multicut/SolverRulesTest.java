package org.jilastik.workflow.multicut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jilastik.error.JilastikException;
import org.junit.jupiter.api.Test;

/** The tie rules of the nifty-compatible building blocks, on small hand-made cases. */
class SolverRulesTest {
    @Test
    void heapKeepsTheEarlierOfEqualPrioritiesOnTopAndSumsChangeOrder() {
        IndexedMaxHeap h = new IndexedMaxHeap(4);
        h.push(0, 1.0);
        h.push(1, 2.0);
        h.push(2, 2.0);
        h.push(3, 0.5);
        assertThat(h.top()).isEqualTo(1); // the later equal priority does not sift above the earlier one
        h.delete(1);
        assertThat(h.top()).isEqualTo(2);
        h.changePriority(0, 3.0);
        assertThat(h.top()).isEqualTo(0);
        assertThat(h.topPriority()).isEqualTo(3.0);
        h.delete(0);
        h.delete(2);
        assertThat(h.top()).isEqualTo(3);
        h.delete(3);
        assertThat(h.isEmpty()).isTrue();
    }

    @Test
    void unionFindKeepsTheFirstRootOnEqualRanks() {
        UnionFind u = new UnionFind(4);
        u.merge(2, 1);
        assertThat(u.find(1)).isEqualTo(2);
        u.merge(0, 1); // rank(0) = 0 < rank(2) = 1: 2 stays root
        assertThat(u.find(0)).isEqualTo(2);
    }

    @Test
    void stdPartitionSwapsFromBothEndsLikeLibstdcxx() {
        int[] a = {1, -2, 3, -4, 5, 6};
        int end = KernighanLin.StdPartition.partition(a, a.length, x -> x > 0);
        assertThat(end).isEqualTo(4);
        assertThat(a).containsExactly(1, 6, 3, 5, -4, -2);
    }

    @Test
    void gaecMergesPositiveEdgesAndSumsParallelOnes() {
        // triangle 0-1 (+5), 1-2 (-1), 0-2 (+2): contract 0-1, then the parallel edges to 2 sum to +1 and merge too
        EdgeGraph g = EdgeGraph.of(3, new int[] {0, 1, 0}, new int[] {1, 2, 2});
        double[] w = {5, -1, 2};
        int[] labels = GreedyAdditiveContraction.solve(g, w);
        assertThat(labels).containsExactly(0, 0, 0);
        // with 1-2 at -3 the sum is -1: node 2 stays alone
        int[] split = GreedyAdditiveContraction.solve(g, new double[] {5, -3, 2});
        assertThat(split[0]).isEqualTo(split[1]).isNotEqualTo(split[2]);
        assertThat(g.energy(new double[] {5, -3, 2}, split)).isEqualTo(-1.0);
    }

    @Test
    void kernighanLinMovesANodeWhenThatLowersTheEnergy() {
        // path 0-1-2-3 with weights +1, +1, +4: start from {0,1} {2,3}; moving 2 across would cut +4 → stays; the
        // join of both clusters gains 2·1
        EdgeGraph g = EdgeGraph.of(4, new int[] {0, 1, 2}, new int[] {1, 2, 3});
        double[] w = {1, 1, 4};
        int[] out = KernighanLin.improve(g, w, new int[] {0, 0, 2, 2});
        assertThat(g.energy(w, out)).isEqualTo(0.0);
        assertThat(out).containsExactly(0, 0, 0, 0);
    }

    @Test
    void unknownSolverIsRefusedInOneSentence() {
        assertThatThrownBy(() -> MulticutSolver.byStoredName("fusion-moves")).isInstanceOf(JilastikException.class)
                .hasMessageContaining("\"fusion-moves\" is not supported").hasMessageContaining("kernighan-lin");
        assertThat(MulticutSolver.byStoredName("ilp")).isEqualTo(MulticutSolver.ILP);
        assertThat(MulticutSolver.byStoredName("greedy-additive")).isEqualTo(MulticutSolver.GREEDY_ADDITIVE);
        assertThat(MulticutSolver.byStoredName(null)).isEqualTo(MulticutSolver.KERNIGHAN_LIN);
    }

    @Test
    void featureNamesExpandInIlastikragOrderAndDropEdgeregionNextToStandard() {
        var cols = EdgeFeatureNames.columns(java.util.List.of("standard_sp_count", "edgeregion_edge_regionradii",
                "standard_edge_quantiles_10"), 2);
        assertThat(cols).extracting(EdgeFeatureNames.Column::name).containsExactly("standard_edge_quantiles_10",
                "standard_sp_count_sum", "standard_sp_count_difference");
        var shape = EdgeFeatureNames.columns(java.util.List.of("edgeregion_edge_area", "edgeregion_edge_regionradii",
                "standard_sp_mean"), 3);
        assertThat(shape).extracting(EdgeFeatureNames.Column::name).containsExactly("edgeregion_edge_area",
                "edgeregion_edge_regionradii_0", "edgeregion_edge_regionradii_1", "edgeregion_edge_regionradii_2",
                "standard_sp_mean_sum", "standard_sp_mean_difference");
        assertThatThrownBy(() -> EdgeFeatureNames.columns(java.util.List.of("standard_sp_regionaxes_0x"), 2))
                .isInstanceOf(JilastikException.class);
    }
}
