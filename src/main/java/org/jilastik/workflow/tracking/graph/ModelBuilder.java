package org.jilastik.workflow.tracking.graph;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.workflow.tracking.TrackingParameters;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.jilastik.workflow.tracking.solver.Weights;

/**
 * Turns a {@link HypothesesGraph} into the energies of a {@link TrackingModel} (spec tracking §2.6): detection
 * (clipped), transition {@code exp(−d/5)}, appearance/disappearance border factors and division (only where
 * divisions are on and divProb &gt; divThreshold). With {@code convexify} every feature vector is convexified
 * (what dpct receives); without, the values are those of ilastik's JSON export. Stateless.
 */
public final class ModelBuilder {
    private ModelBuilder() {
    }

    /** Builds the model of {@code g}; links in {@link HypothesesGraph#links()} order. */
    public static TrackingModel build(HypothesesGraph g, TrackingParameters p, FieldOfView fov, boolean convexify) {
        int maxObj = p.maxObj();
        List<TrackingModel.Detection> dets = new ArrayList<>(g.nodeCount());
        for (int i = 0; i < g.nodeCount(); i++) {
            TrackNode n = g.node(i);
            double[] det = Energies.detection(n.detProb(), maxObj);
            double[] app = Energies.border(fov.factor(n.frame(), n.center(), true), maxObj);
            double[] dis = Energies.border(fov.factor(n.frame(), n.center(), false), maxObj);
            double[] div = p.withDivisions() && n.divProb() > p.divThreshold() ? Energies.division(n.divProb())
                    : null;
            if (convexify) {
                det = ConvexCosts.convexify(det);
                app = ConvexCosts.convexify(app);
                dis = ConvexCosts.convexify(dis);
                div = ConvexCosts.convexify(div);
            }
            dets.add(new TrackingModel.Detection(det, app, dis, div));
        }
        List<TrackingModel.Link> links = new ArrayList<>(g.linkCount());
        for (int[] l : g.links()) {
            double d = Energies.distance(g.node(l[0]).center(), g.node(l[1]).center(), p.scales());
            double[] f = Energies.transition(d, maxObj);
            links.add(new TrackingModel.Link(l[0], l[1], convexify ? ConvexCosts.convexify(f) : f));
        }
        return new TrackingModel(dets, links);
    }

    /** The weights of the main solve: the project's, with ilastik's hard-coded detection weight 10. */
    public static Weights weights(TrackingParameters p) {
        return new Weights(p.transWeight(), TrackingParameters.DETECTION_WEIGHT, p.divWeight(), p.appearanceCost(),
                p.disappearanceCost());
    }
}
