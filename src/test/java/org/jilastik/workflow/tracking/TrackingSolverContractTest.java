package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jilastik.workflow.tracking.solver.Energy;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.TrackingSolver;
import org.junit.jupiter.api.Test;

/**
 * Contract of every {@link TrackingSolver}: on both recorded dpct calls of tracking-2dt (spec tracking §2.7, §6)
 * it returns ilastik's result in every detection, link and division value.
 */
abstract class TrackingSolverContractTest {
    abstract TrackingSolver solver();

    @Test
    void mainSolveEqualsDpctTrackFlowBased() throws IOException {
        SolverIo io = SolverIo.read("trk2d_0_trackFlowBased.json");
        assertThat(io.model().detections()).hasSize(97);
        assertThat(io.model().links()).hasSize(304);
        Solution s = solver().solve(io.model(), io.weights());
        assertSame(s, io.result());
        assertThat(Energy.of(io.model(), io.weights(), s)).isCloseTo(869.7532, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void mergerRelinkEqualsDpctTrackMaxFlow() throws IOException {
        SolverIo io = SolverIo.read("trk2d_1_trackMaxFlow.json");
        assertThat(io.model().detections()).hasSize(8);
        assertThat(io.model().links()).hasSize(12);
        Solution s = solver().solve(io.model(), io.weights());
        assertSame(s, io.result());
    }

    static void assertSame(Solution actual, Solution expected) {
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.nodeValues().length; i++) {
            if (actual.nodeValues()[i] != expected.nodeValues()[i]) {
                diffs.add("node " + i + ": " + actual.nodeValues()[i] + " != " + expected.nodeValues()[i]);
            }
            if (actual.divisions()[i] != expected.divisions()[i]) {
                diffs.add("division " + i + ": " + actual.divisions()[i] + " != " + expected.divisions()[i]);
            }
        }
        for (int i = 0; i < expected.linkValues().length; i++) {
            if (actual.linkValues()[i] != expected.linkValues()[i]) {
                diffs.add("link " + i + ": " + actual.linkValues()[i] + " != " + expected.linkValues()[i]);
            }
        }
        assertThat(diffs).isEmpty();
    }
}
