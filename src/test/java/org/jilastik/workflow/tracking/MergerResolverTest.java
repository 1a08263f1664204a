package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.workflow.tracking.graph.FieldOfView;
import org.jilastik.workflow.tracking.graph.GraphBuilder;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.ModelBuilder;
import org.jilastik.workflow.tracking.merger.MergerResolver;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.SuccessiveShortestPaths;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.junit.jupiter.api.Test;

/**
 * The merger re-link problem built from our GMM split equals ilastik's recorded {@code trackMaxFlow} input
 * (solver-io call 1): the same 8 nodes (by frame and id) with the same appearance/disappearance features, the same
 * 12 links, and transition energies — computed from the GMM component means — within 1e-9; and the same result.
 */
class MergerResolverTest {
    @Test
    void relinkModelEqualsRecordedTrackMaxFlowInput() throws IOException {
        Trk2d in = new Trk2d();
        HypothesesGraph g = GraphBuilder.build(in.objects, Trk2d.PARAMS).graph();
        FieldOfView fov = new FieldOfView(Trk2d.T, new long[] {Trk2d.H, Trk2d.W}, Trk2d.PARAMS.scales(), 10);
        TrackingModel model = ModelBuilder.build(g, Trk2d.PARAMS, fov, true);
        Solution s = new SuccessiveShortestPaths().solve(model, ModelBuilder.weights(Trk2d.PARAMS));
        MergerResolver.Resolved r = MergerResolver.resolve(g, s, in.frameLabels(), new SuccessiveShortestPaths());

        SolverIo io = SolverIo.read("trk2d_1_trackMaxFlow.json");
        List<Object> refNodes = SolverIo.list(SolverIo.map(io.json().get("model")).get("segmentationHypotheses"));
        Map<List<Integer>, Integer> refIndex = new HashMap<>();
        for (Object o : refNodes) {
            List<Object> nid = SolverIo.list(SolverIo.map(o).get("nid"));
            refIndex.put(List.of(((Number) nid.get(0)).intValue(), ((Number) nid.get(1)).intValue()),
                    ((Number) SolverIo.map(o).get("id")).intValue());
        }
        assertThat(r.relinkNodes()).hasNumberOfRows(8);
        int[] toRef = new int[8];
        for (int i = 0; i < 8; i++) {
            Integer j = refIndex.get(List.of(r.relinkNodes()[i][0], r.relinkNodes()[i][1]));
            assertThat(j).as("relink node %s", List.of(r.relinkNodes()[i][0], r.relinkNodes()[i][1])).isNotNull();
            toRef[i] = j;
            TrackingModel.Detection a = r.relinkModel().detections().get(i);
            TrackingModel.Detection b = io.model().detections().get(j);
            assertThat(a.features()).containsExactly(b.features());
            assertThat(a.appearance()).isEqualTo(b.appearance());
            assertThat(a.disappearance()).isEqualTo(b.disappearance());
            assertThat(r.relinkSolution().nodeValues()[i]).isEqualTo(io.result().nodeValues()[j]);
        }
        Map<List<Integer>, Integer> refLink = new HashMap<>();
        for (int l = 0; l < io.model().links().size(); l++) {
            refLink.put(List.of(io.model().links().get(l).src(), io.model().links().get(l).dest()), l);
        }
        assertThat(r.relinkModel().links()).hasSize(12);
        double worst = 0;
        for (int l = 0; l < 12; l++) {
            TrackingModel.Link a = r.relinkModel().links().get(l);
            Integer j = refLink.get(List.of(toRef[a.src()], toRef[a.dest()]));
            assertThat(j).isNotNull();
            double[] f = io.model().links().get(j).features();
            for (int k = 0; k < 2; k++) {
                worst = Math.max(worst, Math.abs(a.features()[k] - f[k]));
            }
            assertThat(r.relinkSolution().linkValues()[l]).isEqualTo(io.result().linkValues()[j]);
        }
        assertThat(worst).as("worst transition-energy difference").isLessThanOrEqualTo(1e-9);
    }
}
