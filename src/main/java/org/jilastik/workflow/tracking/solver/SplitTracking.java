package org.jilastik.workflow.tracking.solver;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.error.JilastikException;

/**
 * ilastik's conservation tracking with {@code numFramesPerSplit} &gt; 0: hytra's
 * {@code SplitTracking.trackFlowBasedWithSplits} (hytra {@code core/splittracking.py}), which ilastik calls instead
 * of one dpct solve. Stateless apart from its settings; thread safe.
 *
 * <ol>
 * <li>With L = last − first frame holding a node: when L ≤ 2·n the whole model is solved at once (the unsplit
 * result, exactly). Otherwise n must be at least 3 (hytra asserts it) and every frame 0..last must hold a node
 * (hytra indexes frames from 0).
 * <li>The frames are cut into consecutive, non-overlapping windows ({@link SplitPoints}).
 * <li>Each window is solved on its own, independently of the others: its nodes (model order), the links with both
 * ends inside it, division features as they are; the nodes of its first frame get the appearance features and
 * those of its last frame (when different) the disappearance features {@code 1e-7·k(k+1)/2} for state k, so that
 * tracks may start and end at window borders almost for free. Links between windows are left out.
 * <li>The window solutions are stitched by a second solve ({@link TrackletStitching}).
 * </ol>
 *
 * <p>The solver dpct rejects a weight vector that does not fit the model: ilastik passes the division weight
 * exactly when the whole model has division features, so a window or stitching model whose division features
 * disagree with the whole model's makes ilastik fail; so does this class ({@link JilastikException}).
 */
public final class SplitTracking {
    private static final double BORDER_STEP = 0.0000001;

    private final TrackingSolver solver;
    private final int framesPerSplit;

    /**
     * @param solver         solves every window and the stitching model
     * @param framesPerSplit ilastik's {@code numFramesPerSplit} (non-zero)
     */
    public SplitTracking(TrackingSolver solver, int framesPerSplit) {
        this.solver = solver;
        this.framesPerSplit = framesPerSplit;
    }

    /**
     * Solves {@code model} window by window and stitches the results.
     *
     * @param model   the convexified model of the whole graph
     * @param frames  the frame of every node (indexed like the model's detections)
     * @param weights the weights of the main solve
     * @return node and link values of the whole model; divisions are never reported (hytra's stitched result has
     *         no division results)
     */
    public Solution solve(TrackingModel model, int[] frames, Weights weights) {
        if (frames.length == 0) {
            throw JilastikException.processing("Split tracking (numFramesPerSplit = " + framesPerSplit
                    + ") found no objects to track; set numFramesPerSplit to 0 in the project.");
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int t : frames) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        if ((long) last - first <= 2L * framesPerSplit) {
            return solver.solve(model, weights);
        }
        if (framesPerSplit <= 2) {
            throw JilastikException.processing("numFramesPerSplit = " + framesPerSplit
                    + " is too small for ilastik's split tracking (it needs more than 2 frames per split); set it to"
                    + " 0 or at least 3 in the project.");
        }
        List<int[]> byFrame = nodesByFrame(frames, last);
        int[] ends = SplitPoints.windowEnds(SplitPoints.frameScores(model, byFrame), framesPerSplit);
        int[] nodeValues = new int[frames.length];
        int[] linkValues = new int[model.links().size()];
        List<Window> windows = new ArrayList<>();
        int start = 0;
        for (int end : ends) {
            Window w = window(model, frames, byFrame, start, end);
            checkWeights(model, w.model, "the window of frames " + start + "–" + end);
            Solution s = solver.solve(w.model, weights);
            for (int i = 0; i < w.nodes.length; i++) {
                nodeValues[w.nodes[i]] = s.nodeValues()[i];
            }
            for (int i = 0; i < w.links.length; i++) {
                linkValues[w.links[i]] = s.linkValues()[i];
            }
            windows.add(w);
            start = end + 1;
        }
        TrackletStitching stitching = new TrackletStitching(model, frames, nodeValues, linkValues, windows, ends);
        checkWeights(model, stitching.model(), "the stitching model");
        return stitching.expand(solver.solve(stitching.model(), weights));
    }

    /** One window: its model and the whole model's indices of its nodes and links, in the window's order. */
    record Window(TrackingModel model, int[] nodes, int[] links) {
    }

    private static List<int[]> nodesByFrame(int[] frames, int last) {
        int[] count = new int[last + 1];
        for (int t : frames) {
            count[t]++;
        }
        List<int[]> byFrame = new ArrayList<>();
        for (int t = 0; t <= last; t++) {
            if (count[t] == 0) {
                throw JilastikException.processing("Split tracking needs objects in every frame but frame " + t
                        + " has none (ilastik's split tracking fails here too); set numFramesPerSplit to 0 in the"
                        + " project.");
            }
            byFrame.add(new int[count[t]]);
        }
        int[] fill = new int[last + 1];
        for (int i = 0; i < frames.length; i++) {
            byFrame.get(frames[i])[fill[frames[i]]++] = i;
        }
        return byFrame;
    }

    private static Window window(TrackingModel model, int[] frames, List<int[]> byFrame, int start, int end) {
        int[] local = new int[frames.length];
        java.util.Arrays.fill(local, -1);
        List<TrackingModel.Detection> dets = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        for (int t = start; t <= end; t++) {
            for (int node : byFrame.get(t)) {
                TrackingModel.Detection d = model.detections().get(node);
                if (t == start) {
                    d = new TrackingModel.Detection(d.features(), borderFeatures(d), d.disappearance(), d.division());
                } else if (t == end) {
                    d = new TrackingModel.Detection(d.features(), d.appearance(), borderFeatures(d), d.division());
                }
                local[node] = dets.size();
                dets.add(d);
                nodes.add(node);
            }
        }
        List<TrackingModel.Link> links = new ArrayList<>();
        List<Integer> linkIndex = new ArrayList<>();
        for (int l = 0; l < model.links().size(); l++) {
            TrackingModel.Link link = model.links().get(l);
            if (local[link.src()] >= 0 && local[link.dest()] >= 0) {
                links.add(new TrackingModel.Link(local[link.src()], local[link.dest()], link.features()));
                linkIndex.add(l);
            }
        }
        return new Window(new TrackingModel(dets, links), nodes.stream().mapToInt(Integer::intValue).toArray(),
                linkIndex.stream().mapToInt(Integer::intValue).toArray());
    }

    /** hytra's window-border features: state k costs 1e-7·(0 + 1 + … + k), one entry per detection state. */
    private static double[] borderFeatures(TrackingModel.Detection d) {
        double[] f = new double[d.features().length];
        for (int k = 0; k < f.length; k++) {
            f[k] = BORDER_STEP * (k * (k + 1) / 2);
        }
        return f;
    }

    private static void checkWeights(TrackingModel whole, TrackingModel part, String what) {
        if (whole.hasDivisions() != part.hasDivisions()) {
            throw JilastikException.processing("Split tracking cannot solve " + what + " because "
                    + (whole.hasDivisions() ? "it has no division candidate while the whole sequence has"
                            : "it has division candidates while the whole sequence has none")
                    + " (ilastik's solver rejects the weights here too); set numFramesPerSplit to 0 in the project.");
        }
    }
}
