package org.jilastik.workflow.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jilastik.workflow.tracking.graph.FieldOfView;
import org.jilastik.workflow.tracking.graph.FinalGraph;
import org.jilastik.workflow.tracking.graph.GraphBuilder;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.ModelBuilder;
import org.jilastik.workflow.tracking.graph.TrackNode;
import org.jilastik.workflow.tracking.merger.MergerResolver;
import org.jilastik.workflow.tracking.solver.IntegerProgramSolver;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.SplitTracking;
import org.jilastik.workflow.tracking.solver.SuccessiveShortestPaths;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.jilastik.workflow.tracking.solver.TrackingSolver;

/**
 * Headless conservation tracking (spec tracking §2.5–2.9): hypotheses graph and convexified energies, the main
 * solve (dpct's flow-based heuristic by default), merger resolution when enabled and maxObj &gt; 1, and hytra's
 * lineage ids on the final graph. The merger re-link always uses the flow solver ({@code trackMaxFlow}).
 * Stored {@code withTracklets} does not change results. A non-zero {@code numFramesPerSplit} solves the main
 * problem as hytra's split tracking does ({@link SplitTracking}: windows solved independently with the same solver,
 * then stitched); 0, or a sequence not longer than two splits, solves all frames at once. Stateless and thread
 * safe.
 */
public final class ConservationTracker implements Tracker {
    private final TrackingSolver solver;

    /** A tracker with dpct's flow-based solver ({@link SuccessiveShortestPaths}). */
    public ConservationTracker() {
        this(new SuccessiveShortestPaths());
    }

    /** Which optimiser the main solve uses. */
    public enum SolverChoice {
        /** dpct's flow-based heuristic ({@link SuccessiveShortestPaths}); what ilastik runs headless. */
        FLOW_BASED,
        /** The exact integer program ({@link IntegerProgramSolver}); slow on large models. */
        EXACT
    }

    /** A tracker with the chosen main solver. */
    public static ConservationTracker of(SolverChoice choice) {
        return new ConservationTracker(choice == SolverChoice.EXACT ? new IntegerProgramSolver()
                : new SuccessiveShortestPaths());
    }

    /** A tracker using {@code solver} for the main solve. */
    public ConservationTracker(TrackingSolver solver) {
        this.solver = solver;
    }

    /**
     * Everything one tracking run produced: the result the exports read, the final graph (JSON/event exports)
     * and the field of view its border factors come from.
     */
    public record Tracked(TrackingResult result, FinalGraph graph, FieldOfView fieldOfView,
            TrackingParameters params) {
        /** The final graph's unweighted, non-convexified energies (what ilastik's JSON export writes). */
        public TrackingModel exportEnergies() {
            return ModelBuilder.build(graph.graph(), params, fieldOfView, false);
        }
    }

    @Override
    public TrackingResult track(FrameLabels labels, List<FrameObjects> objects, TrackingParameters params) {
        return trackDetailed(labels, objects, params).result();
    }

    /** As {@link #track}, also returning the final graph for the JSON and event-sequence writers. */
    public Tracked trackDetailed(FrameLabels labels, List<FrameObjects> objects, TrackingParameters params) {
        FieldOfView fov = new FieldOfView(labels.frameCount(), labels.frameShape(), params.scales(),
                params.borderAwareWidth());
        HypothesesGraph g = GraphBuilder.build(objects, params).graph();
        TrackingModel model = ModelBuilder.build(g, params, fov, true);
        Solution s = params.numFramesPerSplit() == 0 ? solver.solve(model, ModelBuilder.weights(params))
                : new SplitTracking(solver, params.numFramesPerSplit()).solve(model, frames(g),
                        ModelBuilder.weights(params));
        FinalGraph fin;
        FrameLabels identities = labels;
        boolean anyMerger = false;
        for (int v : s.nodeValues()) {
            anyMerger |= v > 1;
        }
        if (params.withMergerResolution() && params.maxObj() > 1 && anyMerger) {
            MergerResolver.Resolved r = MergerResolver.resolve(g, s, labels, new SuccessiveShortestPaths());
            fin = r.graph();
            identities = relabelled(labels, r.relabelledFrames());
        } else {
            int[] uuids = new int[g.nodeCount()];
            for (int i = 0; i < uuids.length; i++) {
                uuids[i] = i;
            }
            fin = new FinalGraph(g, uuids, s, new int[g.nodeCount()]);
        }
        return new Tracked(result(fin, identities), fin, fov, params);
    }

    private static int[] frames(HypothesesGraph g) {
        int[] frames = new int[g.nodeCount()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = g.node(i).frame();
        }
        return frames;
    }

    private static TrackingResult result(FinalGraph fin, FrameLabels identities) {
        HypothesesGraph g = fin.graph();
        Solution s = fin.solution();
        LineageBuilder.Lineage lin = LineageBuilder.compute(g, s);
        List<TrackingResult.Node> nodes = new ArrayList<>();
        List<int[]> mergers = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            TrackNode n = g.node(i);
            nodes.add(new TrackingResult.Node(n.frame(), n.id(), s.nodeValues()[i], lin.trackIds()[i],
                    lin.lineageIds()[i], lin.parentTrackIds()[i], fin.mergerLabelIds()[i]));
            if (s.nodeValues()[i] > 1) {
                mergers.add(new int[] {n.frame(), n.id(), s.nodeValues()[i]});
            }
        }
        nodes.sort(Comparator.comparingInt(TrackingResult.Node::frame)
                .thenComparingInt(TrackingResult.Node::labelImageId));
        int[][] links = g.links();
        List<int[]> active = new ArrayList<>();
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            children.add(new ArrayList<>());
        }
        for (int l = 0; l < links.length; l++) {
            if (s.linkValues()[l] > 0) {
                TrackNode u = g.node(links[l][0]);
                TrackNode v = g.node(links[l][1]);
                active.add(new int[] {u.frame(), u.id(), v.id()});
                children.get(links[l][0]).add(v.id());
            }
        }
        List<int[]> divisions = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            if (s.divisions()[i] && children.get(i).size() == 2) {
                divisions.add(new int[] {g.node(i).frame(), g.node(i).id(), children.get(i).get(0),
                        children.get(i).get(1)});
            }
        }
        return new TrackingResult(List.copyOf(nodes), identities, List.copyOf(active), List.copyOf(divisions),
                List.copyOf(mergers));
    }

    private static FrameLabels relabelled(FrameLabels labels, int[][] frames) {
        return new FrameLabels() {
            @Override
            public int frameCount() {
                return labels.frameCount();
            }

            @Override
            public long[] frameShape() {
                return labels.frameShape();
            }

            @Override
            public int[] frame(int t) {
                return frames[t] != null ? frames[t] : labels.frame(t);
            }
        };
    }
}
