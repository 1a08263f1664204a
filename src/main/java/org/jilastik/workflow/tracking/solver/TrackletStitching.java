package org.jilastik.workflow.tracking.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jilastik.error.JilastikException;

/**
 * The stitching step of hytra's {@code SplitTracking} (see {@link SplitTracking}): contracts every window's
 * solution into tracklets, builds the small model the second solve decides on, and expands its answer back to the
 * whole model. Built once per split solve; not thread safe.
 *
 * <p>Tracklets: per window, the connected components of the window's nodes joined by every window link whose
 * value equals the values of both its ends (inactive nodes joined by inactive links included). hytra meant
 * dividing nodes to end their tracklet, but it reads the division flag from a field dpct's result never carries,
 * so a division joins parent and children into one tracklet. Tracklets are numbered window by window, in order of
 * their first node. hytra walks a tracklet's nodes in the iteration order of the Python set networkx returns
 * (breadth-first insertion from the first node, {@link PythonSetOrder}); in that order, a tracklet's detection
 * features are the sum of its links' transition features (whole-model order) and then its nodes' detection
 * features; its earliest and latest node are the first node met in the lowest and in the highest frame; its
 * appearance features are the earliest node's, its disappearance features the latest node's (the whole model's
 * features, not the window border ones), its division features those of its highest-numbered node.
 *
 * <p>Links: each window's active links whose value differs from the value of an end (merger entries and exits),
 * then for every cut, the whole model's links from the cut's last frame into the next frame whose two ends are
 * active, both kinds between the ends' tracklets and with the link's own features.
 *
 * <p>Expansion: the nodes of a tracklet the second solve uses get its value, and so do all whole-model links with
 * both ends in it; a stitching link reports the value of the last stitching link between the same two tracklets
 * (dpct keys its link results by end pair, so parallel links all report the last one's flow); a used stitching link sets the link from the latest node of its source tracklet to the earliest
 * node of its target tracklet (ilastik fails when no such link exists); later assignments win; everything else is
 * 0, and there are no divisions.
 */
public final class TrackletStitching {
    private final TrackingModel whole;
    private final int[] tracklet;
    private final int[] earliest;
    private final int[] latest;
    private final TrackingModel model;

    /**
     * @param whole      the convexified whole model
     * @param frames     frame of every node of {@code whole}
     * @param nodeValues window solutions' node values (whole-model indices)
     * @param linkValues window solutions' link values (whole-model indices; links between windows 0)
     * @param windows    the solved windows, in frame order
     * @param ends       inclusive last frame of every window
     */
    TrackletStitching(TrackingModel whole, int[] frames, int[] nodeValues, int[] linkValues,
            List<SplitTracking.Window> windows, int[] ends) {
        this.whole = whole;
        int n = frames.length;
        tracklet = new int[n];
        Arrays.fill(tracklet, -1);
        List<int[]> members = new ArrayList<>();
        List<TrackingModel.Link> links = new ArrayList<>();
        for (SplitTracking.Window w : windows) {
            // networkx Graph of the window: nodes in window order, adjacency in order of the joining links
            Map<Integer, List<Integer>> adj = new HashMap<>();
            for (int node : w.nodes()) {
                adj.put(node, new ArrayList<>());
            }
            for (int l : w.links()) {
                TrackingModel.Link link = whole.links().get(l);
                int v = linkValues[l];
                if (nodeValues[link.src()] == v && nodeValues[link.dest()] == v) {
                    adj.get(link.src()).add(link.dest());
                    adj.get(link.dest()).add(link.src());
                }
            }
            for (int node : w.nodes()) {
                if (tracklet[node] < 0) {
                    int[] m = PythonSetOrder.iterationOrder(breadthFirst(adj, node));
                    for (int member : m) {
                        tracklet[member] = members.size();
                    }
                    members.add(m);
                }
            }
            for (int l : w.links()) {
                TrackingModel.Link link = whole.links().get(l);
                int v = linkValues[l];
                if (v > 0 && (nodeValues[link.src()] != v || nodeValues[link.dest()] != v)) {
                    links.add(new TrackingModel.Link(tracklet[link.src()], tracklet[link.dest()], link.features()));
                }
            }
        }
        for (int c = 0; c + 1 < ends.length; c++) {
            for (TrackingModel.Link link : whole.links()) {
                if (frames[link.src()] == ends[c] && frames[link.dest()] == ends[c] + 1
                        && nodeValues[link.src()] > 0 && nodeValues[link.dest()] > 0) {
                    links.add(new TrackingModel.Link(tracklet[link.src()], tracklet[link.dest()], link.features()));
                }
            }
        }
        earliest = new int[members.size()];
        latest = new int[members.size()];
        List<TrackingModel.Detection> dets = new ArrayList<>();
        double[][] sums = new double[members.size()][];
        for (int c = 0; c < members.size(); c++) {
            sums[c] = new double[whole.detections().get(members.get(c)[0]).features().length];
        }
        // transition features first, in whole-model link order, as hytra's np.sum over [links…, detections…]
        boolean[] started = new boolean[members.size()];
        for (TrackingModel.Link link : whole.links()) {
            int c = tracklet[link.src()];
            if (c >= 0 && c == tracklet[link.dest()]) {
                accumulate(sums[c], link.features(), started[c]);
                started[c] = true;
            }
        }
        for (int c = 0; c < members.size(); c++) {
            int[] m = members.get(c);
            int first = m[0];
            int lastNode = m[0];
            for (int node : m) {
                accumulate(sums[c], whole.detections().get(node).features(), started[c]);
                started[c] = true;
                if (frames[node] < frames[first]) {
                    first = node;
                }
                if (frames[node] > frames[lastNode]) {
                    lastNode = node;
                }
            }
            earliest[c] = first;
            latest[c] = lastNode;
            dets.add(new TrackingModel.Detection(sums[c], whole.detections().get(first).appearance(),
                    whole.detections().get(lastNode).disappearance(),
                    whole.detections().get(Arrays.stream(m).max().getAsInt()).division()));
        }
        this.model = new TrackingModel(dets, links);
    }

    /** The stitching model: one detection per tracklet, links between tracklets. */
    TrackingModel model() {
        return model;
    }

    /** The whole model's solution from the stitching model's solution {@code s}. */
    Solution expand(Solution s) {
        int[] nodeValues = new int[tracklet.length];
        for (int i = 0; i < tracklet.length; i++) {
            nodeValues[i] = s.nodeValues()[tracklet[i]];
        }
        List<TrackingModel.Link> links = whole.links();
        int[] linkValues = new int[links.size()];
        Map<Long, Integer> linkIndex = new HashMap<>();
        for (int l = 0; l < links.size(); l++) {
            TrackingModel.Link link = links.get(l);
            linkIndex.put(key(link.src(), link.dest()), l);
            int c = tracklet[link.src()];
            if (c == tracklet[link.dest()]) {
                linkValues[l] = s.nodeValues()[c];
            }
        }
        // dpct reports one value per (source, target) pair: that of the last arc added for the pair
        Map<Long, Integer> lastArc = new HashMap<>();
        for (int j = 0; j < model.links().size(); j++) {
            lastArc.put(key(model.links().get(j).src(), model.links().get(j).dest()), j);
        }
        for (int j = 0; j < model.links().size(); j++) {
            TrackingModel.Link link = model.links().get(j);
            int v = s.linkValues()[lastArc.get(key(link.src(), link.dest()))];
            if (v > 0) {
                int src = latest[link.src()];
                int dest = earliest[link.dest()];
                Integer l = linkIndex.get(key(src, dest));
                if (l == null) {
                    throw JilastikException.processing("Split tracking stitched a track across objects that have no"
                            + " link hypothesis (ilastik's split tracking fails here too); set numFramesPerSplit"
                            + " to 0 in the project.");
                }
                linkValues[l] = v;
            }
        }
        return new Solution(nodeValues, linkValues, new boolean[tracklet.length]);
    }

    private static long key(int src, int dest) {
        return ((long) src << 32) | (dest & 0xffffffffL);
    }

    private static void accumulate(double[] sum, double[] f, boolean started) {
        for (int k = 0; k < sum.length; k++) {
            sum[k] = started ? sum[k] + f[k] : f[k];
        }
    }

    /** networkx {@code _plain_bfs}: the order in which a component's nodes are added to its set. */
    private static int[] breadthFirst(Map<Integer, List<Integer>> adj, int source) {
        List<Integer> seen = new ArrayList<>();
        java.util.Set<Integer> isSeen = new java.util.HashSet<>();
        seen.add(source);
        isSeen.add(source);
        for (int next = 0; next < seen.size(); next++) {
            for (int w : adj.get(seen.get(next))) {
                if (isSeen.add(w)) {
                    seen.add(w);
                }
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }
}
