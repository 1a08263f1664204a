package org.jilastik.workflow.tracking.solver;

import java.util.List;

/**
 * The optimisation problem of conservation tracking as dpct receives it (spec tracking §2.7): one entry per
 * detection (node) and per link, each with one feature value per state (state k = k objects). Feature vectors are
 * energies before weighting; the solver multiplies them by the {@link Weights}. Immutable by convention: callers
 * must not modify the arrays after construction.
 *
 * @param detections the nodes, indexed 0..n-1 (the dpct uuid)
 * @param links      the links between nodes, in the order the results are reported
 */
public record TrackingModel(List<Detection> detections, List<Link> links) {

    /**
     * One node.
     *
     * @param features      detection energies per state 0..K (K = the largest object count)
     * @param appearance    appearance energies per state, or {@code null} when the node cannot appear
     * @param disappearance disappearance energies per state, or {@code null} when the node cannot disappear
     * @param division      {@code [no division, division]} energies, or {@code null} when it cannot divide
     */
    public record Detection(double[] features, double[] appearance, double[] disappearance, double[] division) {
        /** The largest number of objects this node may hold. */
        public int maxObjects() {
            return features.length - 1;
        }
    }

    /**
     * One link from node {@code src} to node {@code dest} (indices into {@link #detections()}).
     *
     * @param features transition energies per state 0..K
     */
    public record Link(int src, int dest, double[] features) {
    }

    /** Whether any node has division features (then the weights include a division weight). */
    public boolean hasDivisions() {
        for (Detection d : detections) {
            if (d.division() != null) {
                return true;
            }
        }
        return false;
    }
}
