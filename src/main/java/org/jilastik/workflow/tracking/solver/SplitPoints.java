package org.jilastik.workflow.tracking.solver;

import java.util.List;

/**
 * Where hytra's {@code SplitTracking} cuts the frame range into solving windows (ilastik {@code numFramesPerSplit};
 * hytra {@code core/splittracking.py}). Stateless.
 *
 * <p>Per frame t a score c[t] = the smallest detection energy of any state other than "one object" over the
 * frame's nodes (the convexified, unweighted energies the solver receives); a high score means every object of
 * the frame is confidently a single object. With L = last frame − first frame and n frames per split there are
 * {@code L / n} windows (integer division); cut s (s = 1 … L/n − 1) is wanted after frame {@code s·n} and placed
 * at the frame p in {@code [s·n − b, s·n + b)} where c[p] + c[p + 1] is largest (the first such p on ties), with
 * b = 10, or b = 1 when n &lt; 20. Window s ends at cut s (inclusive); the next one starts on the frame after it;
 * the last window ends at the last frame. The first window starts at frame 0, and frame numbers are used as indices
 * of the score list, which is why every frame up to the last must hold at least one node.
 */
public final class SplitPoints {
    private SplitPoints() {
    }

    /**
     * The per-frame score of hytra's split search.
     *
     * @param model        the convexified model
     * @param nodesByFrame node indices per frame 0..last, none empty
     */
    public static double[] frameScores(TrackingModel model, List<int[]> nodesByFrame) {
        double[] c = new double[nodesByFrame.size()];
        for (int t = 0; t < c.length; t++) {
            double min = Double.POSITIVE_INFINITY;
            for (int node : nodesByFrame.get(t)) {
                double[] f = model.detections().get(node).features();
                for (int k = 0; k < f.length; k++) {
                    if (k != 1 && f[k] < min) {
                        min = f[k];
                    }
                }
            }
            c[t] = min;
        }
        return c;
    }

    /**
     * The inclusive last frame of every window, in increasing order; the final entry is the last frame.
     *
     * @param scores         {@link #frameScores} for frames 0..last (last − 0 &gt; 2·framesPerSplit)
     * @param framesPerSplit ilastik's {@code numFramesPerSplit}, at least 3
     */
    public static int[] windowEnds(double[] scores, int framesPerSplit) {
        int last = scores.length - 1;
        int windows = last / framesPerSplit;
        int border = framesPerSplit < 20 ? 1 : 10;
        int[] ends = new int[windows];
        for (int s = 1; s < windows; s++) {
            int wanted = s * framesPerSplit;
            int from = wanted - border;
            // Python slicing: the range stops at the last pair (last − 1, last).
            int to = Math.min(wanted + border, last);
            int best = from;
            double bestGap = Double.NEGATIVE_INFINITY;
            for (int p = from; p < to; p++) {
                double gap = scores[p] + scores[p + 1];
                if (gap > bestGap) {
                    bestGap = gap;
                    best = p;
                }
            }
            ends[s - 1] = best;
        }
        ends[windows - 1] = last;
        return ends;
    }
}
