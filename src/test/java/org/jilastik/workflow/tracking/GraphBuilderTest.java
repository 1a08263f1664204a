package org.jilastik.workflow.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jilastik.workflow.tracking.graph.FieldOfView;
import org.jilastik.workflow.tracking.graph.GraphBuilder;
import org.jilastik.workflow.tracking.graph.ModelBuilder;
import org.jilastik.workflow.tracking.graph.TrackNode;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.junit.jupiter.api.Test;

/**
 * The hypotheses graph and energies built from trk2d_seg.h5 equal the model ilastik handed to dpct
 * (solver-io call 0): node order and uuids, the 304 links, per-node out-link order (except where two targets are
 * at equal distance, which sklearn's kd-tree orders its own way), and every convexified feature vector.
 */
class GraphBuilderTest {
    @Test
    void modelEqualsRecordedDpctInput() throws IOException {
        Trk2d in = new Trk2d();
        SolverIo io = SolverIo.read("trk2d_0_trackFlowBased.json");
        GraphBuilder.Built built = GraphBuilder.build(in.objects, Trk2d.PARAMS);
        FieldOfView fov = new FieldOfView(Trk2d.T, new long[] {Trk2d.H, Trk2d.W}, Trk2d.PARAMS.scales(),
                Trk2d.PARAMS.borderAwareWidth());
        TrackingModel model = ModelBuilder.build(built.graph(), Trk2d.PARAMS, fov, true);
        TrackingModel ref = io.model();

        // Node order = uuid order of traxelToUniqueId.
        Map<String, Object> uuids = SolverIo.map(SolverIo.map(io.json().get("model")).get("traxelToUniqueId"));
        assertThat(model.detections()).hasSize(97);
        for (int i = 0; i < built.graph().nodeCount(); i++) {
            TrackNode n = built.graph().node(i);
            int uuid = ((Number) SolverIo.map(uuids.get(Integer.toString(n.frame()))).get(Integer.toString(n.id())))
                    .intValue();
            assertThat(uuid).as("uuid of node (%d, %d)", n.frame(), n.id()).isEqualTo(i);
        }

        // Link sets equal; out-link order equal per source except where distances tie.
        Set<List<Integer>> mine = new LinkedHashSet<>();
        model.links().forEach(l -> mine.add(List.of(l.src(), l.dest())));
        Set<List<Integer>> theirs = new LinkedHashSet<>();
        ref.links().forEach(l -> theirs.add(List.of(l.src(), l.dest())));
        assertThat(model.links()).hasSize(304);
        assertThat(mine).isEqualTo(theirs);
        List<String> orderDiffs = new ArrayList<>();
        for (int i = 0; i < 304; i++) {
            TrackingModel.Link a = model.links().get(i);
            TrackingModel.Link b = ref.links().get(i);
            if (a.src() != b.src() || a.dest() != b.dest()) {
                orderDiffs.add(a.src() + "->" + a.dest() + " vs " + b.src() + "->" + b.dest());
            }
        }
        // Exactly one tie (node 55 = merger (4, 9): frame-5 objects 8 and 9 both at 7.5 px) is ordered differently.
        assertThat(orderDiffs).containsExactly("55->66 vs 55->67", "55->67 vs 55->66");

        double worst = 0;
        String where = "";
        Map<List<Integer>, double[]> refLinks = new HashMap<>();
        ref.links().forEach(l -> refLinks.put(List.of(l.src(), l.dest()), l.features()));
        for (TrackingModel.Link l : model.links()) {
            double d = maxDiff(l.features(), refLinks.get(List.of(l.src(), l.dest())));
            if (d > worst) {
                worst = d;
                where = "link " + l.src() + "->" + l.dest();
            }
        }
        for (int i = 0; i < 97; i++) {
            TrackingModel.Detection a = model.detections().get(i);
            TrackingModel.Detection b = ref.detections().get(i);
            assertThat(a.division() == null).as("division features of node %d", i).isEqualTo(b.division() == null);
            for (double d : new double[] {maxDiff(a.features(), b.features()), maxDiff(a.appearance(),
                    b.appearance()), maxDiff(a.disappearance(), b.disappearance()), maxDiff(a.division(),
                    b.division())}) {
                if (d > worst) {
                    worst = d;
                    where = "node " + i;
                }
            }
        }
        assertThat(worst).as("worst feature difference at %s", where).isLessThanOrEqualTo(1e-9);
    }

    private static double maxDiff(double[] a, double[] b) {
        if (a == null && b == null) {
            return 0;
        }
        assertThat(a).hasSameSizeAs(b);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
