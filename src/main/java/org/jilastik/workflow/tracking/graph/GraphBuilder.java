package org.jilastik.workflow.tracking.graph;

import java.util.ArrayList;
import java.util.List;
import org.jilastik.workflow.tracking.FrameObjects;
import org.jilastik.workflow.tracking.TrackingParameters;

/**
 * Builds hytra's {@code IlastikHypothesesGraph} (spec tracking §2.5): nodes frame by frame in object-id order
 * (objects outside [sizeMin, sizeMaxExclusive) left out), links per frame pair from a forward query (each object of
 * t → its k nearest objects of t+1, nearest first) followed by a backward query (each object of t+1 → its k nearest
 * of t), duplicates skipped. A query returns every candidate, in id order and without the distance test, when the
 * other frame has at most k candidates; otherwise the k nearest (ties by id) with distance strictly below maxDist.
 * k is raised to 2 for a forward query from an object that may divide (divProb &gt; divThreshold, compared in double).
 * Distances are between scaled RegionCenters. Stateless.
 */
public final class GraphBuilder {
    private GraphBuilder() {
    }

    /** The graph and where each frame's objects went. */
    public record Built(HypothesesGraph graph, int[][] nodeOfObject) {
    }

    /**
     * Builds the graph.
     *
     * @return the graph and {@code nodeOfObject[t][i]} = node index of object i of frame t, or −1 when filtered
     */
    public static Built build(List<FrameObjects> frames, TrackingParameters p) {
        HypothesesGraph g = new HypothesesGraph();
        int[][] nodeOf = new int[frames.size()][];
        List<int[]> members = new ArrayList<>();
        for (int t = 0; t < frames.size(); t++) {
            FrameObjects f = frames.get(t);
            nodeOf[t] = new int[f.count()];
            int[] kept = new int[f.count()];
            int n = 0;
            for (int i = 0; i < f.count(); i++) {
                long size = f.sizes()[i];
                if (size < p.sizeMin() || size >= p.sizeMaxExclusive()) {
                    nodeOf[t][i] = -1;
                    continue;
                }
                double div = f.divProb() == null ? Double.NaN : f.divProb()[i];
                nodeOf[t][i] = g.addNode(new TrackNode(t, f.ids()[i], f.centers()[i], f.detProb()[i], div));
                kept[n++] = nodeOf[t][i];
            }
            members.add(java.util.Arrays.copyOf(kept, n));
        }
        double[] scales = p.scales();
        int k = p.maxNearestNeighbors();
        for (int t = 0; t + 1 < frames.size(); t++) {
            int[] here = members.get(t);
            int[] next = members.get(t + 1);
            for (int u : here) {
                TrackNode node = g.node(u);
                int kk = k;
                if (kk < 2 && p.withDivisions() && node.divProb() > p.divThreshold()) {
                    kk = 2;
                }
                for (int v : nearest(g, node.center(), next, kk, p.maxDist(), scales)) {
                    g.addLink(u, v);
                }
            }
            for (int v : next) {
                for (int u : nearest(g, g.node(v).center(), here, k, p.maxDist(), scales)) {
                    g.addLink(u, v);
                }
            }
        }
        return new Built(g, nodeOf);
    }

    /** The k nearest candidates of {@code center}, nearest first (see class comment). */
    static int[] nearest(HypothesesGraph g, double[] center, int[] candidates, int k, double maxDist,
            double[] scales) {
        if (candidates.length <= k) {
            return candidates;
        }
        int[] best = new int[k];
        double[] bestD = new double[k];
        int n = 0;
        for (int c : candidates) {
            double d = Energies.distance(center, g.node(c).center(), scales);
            if (n == k && !(d < bestD[k - 1])) {
                continue;
            }
            int pos = n == k ? k - 1 : n++;
            while (pos > 0 && bestD[pos - 1] > d) {
                best[pos] = best[pos - 1];
                bestD[pos] = bestD[pos - 1];
                pos--;
            }
            best[pos] = c;
            bestD[pos] = d;
        }
        int m = 0;
        while (m < n && bestD[m] < maxDist) {
            m++;
        }
        return java.util.Arrays.copyOf(best, m);
    }
}
