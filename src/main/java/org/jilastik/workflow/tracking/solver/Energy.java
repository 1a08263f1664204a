package org.jilastik.workflow.tracking.solver;

import java.util.List;

/**
 * The energy a solution has under a model (spec tracking §2.7): every state of every variable is counted, state
 * 0 included; appearance {@code a_n = x_n − Σ in-links} and disappearance {@code d_n = x_n + δ_n − Σ out-links}.
 */
public final class Energy {
    private Energy() {
    }

    /**
     * Total weighted energy of {@code s}.
     *
     * @throws IllegalArgumentException when {@code s} breaks flow conservation for a node without appearance or
     *                                  disappearance features
     */
    public static double of(TrackingModel model, Weights w, Solution s) {
        List<TrackingModel.Detection> dets = model.detections();
        int[] in = new int[dets.size()];
        int[] out = new int[dets.size()];
        double e = 0;
        for (int l = 0; l < model.links().size(); l++) {
            TrackingModel.Link link = model.links().get(l);
            int y = s.linkValues()[l];
            in[link.dest()] += y;
            out[link.src()] += y;
            e += w.transition() * link.features()[y];
        }
        for (int n = 0; n < dets.size(); n++) {
            TrackingModel.Detection d = dets.get(n);
            int x = s.nodeValues()[n];
            int div = s.divisions()[n] ? 1 : 0;
            e += w.detection() * d.features()[x];
            e += stateEnergy(d.appearance(), x - in[n], w.appearance(), n, "appearance");
            e += stateEnergy(d.disappearance(), x + div - out[n], w.disappearance(), n, "disappearance");
            if (d.division() != null) {
                e += w.division() * d.division()[div];
            } else if (div != 0) {
                throw new IllegalArgumentException("node " + n + " divides without division features");
            }
        }
        return e;
    }

    private static double stateEnergy(double[] features, int state, double weight, int n, String what) {
        if (features == null) {
            if (state != 0) {
                throw new IllegalArgumentException("node " + n + " has " + what + " " + state + " but no features");
            }
            return 0;
        }
        if (state < 0 || state >= features.length) {
            throw new IllegalArgumentException("node " + n + " has " + what + " " + state);
        }
        return weight * features[state];
    }
}
