package org.jilastik.workflow.tracking.merger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jilastik.workflow.tracking.FrameLabels;
import org.jilastik.workflow.tracking.graph.Energies;
import org.jilastik.workflow.tracking.graph.FinalGraph;
import org.jilastik.workflow.tracking.graph.HypothesesGraph;
import org.jilastik.workflow.tracking.graph.TrackNode;
import org.jilastik.workflow.tracking.solver.Solution;
import org.jilastik.workflow.tracking.solver.TrackingModel;
import org.jilastik.workflow.tracking.solver.TrackingSolver;
import org.jilastik.workflow.tracking.solver.Weights;

/**
 * hytra's merger resolution as ilastik runs it (spec tracking §2.9). Mergers are solved nodes with value &gt; 1
 * that take part in an active link. The "unresolved graph" holds the active links touching a merger (in frame
 * order, then model link order) and their end nodes; frame by frame each merger of it is split by a
 * {@link GaussianMixture} of {@code value} components on its pixel coordinates (x, y[, z], x-major order as numpy
 * lists them in ilastik's txyzc frame; seed 42), the parts get ids {@code max(frame labels) + 1, + 2, …} in
 * component order and replace the merger, inheriting its links (to the parts of a preceding merger where there is
 * one). The small graph of parts and neighbours is re-solved with {@code trackMaxFlow} semantics (weights 1,
 * K = 1, detection [0, 1], appearance/disappearance [0, 0.01] on nodes without in-/out-links, transitions
 * negLog[1 − p, p] with p = exp(−d/5) between GMM means or RegionCenters). The final graph is the main graph
 * without the split mergers, with the parts appended and the re-link graph's links added.
 *
 * <p>Not reproduced: hytra's duplication of a dividing neighbour with two links into mergers (rare). Stateless.
 */
public final class MergerResolver {
    /** ilastik's {@code RANDOM_SEED_MERGER}. */
    public static final long SEED = 42;

    private MergerResolver() {
    }

    /**
     * The final graph, the relabelled frames ({@code null} where unchanged) and the re-link problem with its
     * nodes as {@code {frame, id}} (dpct's {@code nid}).
     */
    public record Resolved(FinalGraph graph, int[][] relabelledFrames, TrackingModel relinkModel,
            int[][] relinkNodes, Solution relinkSolution) {
    }

    /**
     * Resolves the mergers of a solved main graph.
     *
     * @param g        the main hypotheses graph
     * @param s        its solution (link values in {@code g.links()} order)
     * @param labels   the per-frame label images the nodes came from; not modified
     * @param solver   the solver for the re-link problem
     */
    public static Resolved resolve(HypothesesGraph g, Solution s, FrameLabels labels, TrackingSolver solver) {
        int[][] links = g.links();
        Map<Long, Integer> nodeIndex = new HashMap<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            nodeIndex.put(key(g.node(i).frame(), g.node(i).id()), i);
        }
        int frames = labels.frameCount();
        // Unresolved graph: active links touching a merger, grouped by target frame.
        SmallGraph unresolved = new SmallGraph();
        for (int t = 1; t < frames; t++) {
            for (int l = 0; l < links.length; l++) {
                int u = links[l][0];
                int v = links[l][1];
                if (s.linkValues()[l] > 0 && g.node(v).frame() == t
                        && (s.nodeValues()[u] > 1 || s.nodeValues()[v] > 1)) {
                    unresolved.addLink(key(g.node(u)), key(g.node(v)));
                }
            }
        }
        SmallGraph resolved = unresolved.copy();
        Map<Long, double[]> centers = new HashMap<>();
        Map<Long, int[]> newIds = new LinkedHashMap<>();
        Map<Long, Integer> mergerOfPart = new HashMap<>();
        int[][] relabelled = new int[frames][];
        long[] shape = labels.frameShape();
        for (int t = 0; t < frames; t++) {
            int nextId = -1;
            for (int i = 0; i < g.nodeCount(); i++) {
                TrackNode n = g.node(i);
                long nk = key(n);
                if (n.frame() != t || s.nodeValues()[i] <= 0 || !resolved.contains(nk)) {
                    continue;
                }
                int count = s.nodeValues()[i];
                if (count <= 1) {
                    continue;
                }
                if (relabelled[t] == null) {
                    relabelled[t] = labels.frame(t).clone();
                    nextId = Arrays.stream(relabelled[t]).max().orElse(0) + 1;
                }
                int[] ids = new int[count];
                List<double[]> means = split(relabelled[t], shape, n.id(), count, nextId, ids);
                for (int c = 0; c < count; c++) {
                    long part = key(t, ids[c]);
                    centers.put(part, means.get(c));
                    mergerOfPart.put(part, n.id());
                    for (long succ : unresolved.successors(nk)) {
                        resolved.addLink(part, succ);
                    }
                    for (long pred : unresolved.predecessors(nk)) {
                        int[] predParts = newIds.get(pred);
                        if (predParts == null) {
                            resolved.addLink(pred, part);
                        } else {
                            for (int pp : predParts) {
                                resolved.addLink(key(frameOf(pred), pp), part);
                            }
                        }
                    }
                }
                resolved.remove(nk);
                newIds.put(nk, ids);
                nextId += count;
            }
        }
        // Re-link problem on the resolved graph.
        List<Long> rNodes = resolved.nodes();
        Map<Long, Integer> rIndex = new HashMap<>();
        List<TrackingModel.Detection> dets = new ArrayList<>();
        for (long k : rNodes) {
            rIndex.put(k, dets.size());
            double[] app = resolved.predecessors(k).isEmpty() ? new double[] {0, 0.01} : null;
            double[] dis = resolved.successors(k).isEmpty() ? new double[] {0, 0.01} : null;
            dets.add(new TrackingModel.Detection(new double[] {0, 1}, app, dis, null));
        }
        List<TrackingModel.Link> rLinks = new ArrayList<>();
        for (long[] e : resolved.links()) {
            double d = Energies.distance(center(e[0], centers, g, nodeIndex), center(e[1], centers, g, nodeIndex),
                    new double[] {1, 1, 1});
            double p = Math.exp(-d / Energies.TRANSITION_PARAMETER);
            rLinks.add(new TrackingModel.Link(rIndex.get(e[0]), rIndex.get(e[1]),
                    new double[] {Energies.negLog(1 - p), Energies.negLog(p)}));
        }
        TrackingModel relink = new TrackingModel(dets, rLinks);
        Solution relinkSolution = rNodes.isEmpty() ? new Solution(new int[0], new int[0], new boolean[0])
                : solver.solve(relink, Weights.UNIT);
        FinalGraph fin = assemble(g, s, links, newIds, centers, mergerOfPart, resolved, rIndex, relinkSolution);
        int[][] nids = new int[rNodes.size()][];
        for (int i = 0; i < nids.length; i++) {
            nids[i] = new int[] {frameOf(rNodes.get(i)), (int) (long) rNodes.get(i)};
        }
        return new Resolved(fin, relabelled, relink, nids, relinkSolution);
    }

    /** Splits object {@code id} of {@code frame} into {@code count} parts; writes their ids; returns GMM means. */
    private static List<double[]> split(int[] frame, long[] shape, int id, int count, int firstId, int[] ids) {
        int d = shape.length;
        int nx = (int) shape[d - 1];
        int ny = (int) shape[d - 2];
        int nz = d == 3 ? (int) shape[0] : 1;
        int n = 0;
        for (int v : frame) {
            if (v == id) {
                n++;
            }
        }
        double[] coords = new double[n * d];
        int[] where = new int[n];
        int p = 0;
        for (int x = 0; x < nx; x++) {
            for (int y = 0; y < ny; y++) {
                for (int z = 0; z < nz; z++) {
                    int i = (z * ny + y) * nx + x;
                    if (frame[i] == id) {
                        coords[p * d] = x;
                        coords[p * d + 1] = y;
                        if (d == 3) {
                            coords[p * d + 2] = z;
                        }
                        where[p++] = i;
                    }
                }
            }
        }
        GaussianMixture gmm = GaussianMixture.fit(coords, n, d, count, SEED);
        int[] comp = gmm.predict(coords, n);
        for (int c = 0; c < count; c++) {
            ids[c] = firstId + c;
        }
        for (int q = 0; q < n; q++) {
            frame[where[q]] = ids[comp[q]];
        }
        List<double[]> means = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            means.add(gmm.mean(c));
        }
        return means;
    }

    private static FinalGraph assemble(HypothesesGraph g, Solution s, int[][] links, Map<Long, int[]> newIds,
            Map<Long, double[]> centers, Map<Long, Integer> mergerOfPart, SmallGraph resolved,
            Map<Long, Integer> rIndex, Solution relink) {
        HypothesesGraph f = new HypothesesGraph();
        Map<Long, Integer> fIndex = new HashMap<>();
        List<Integer> uuids = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<Boolean> divs = new ArrayList<>();
        List<Integer> mergerIds = new ArrayList<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            TrackNode n = g.node(i);
            if (newIds.containsKey(key(n))) {
                continue;
            }
            fIndex.put(key(n), f.addNode(n));
            uuids.add(i);
            values.add(s.nodeValues()[i]);
            divs.add(s.divisions()[i]);
            mergerIds.add(0);
        }
        int nextUuid = g.nodeCount();
        for (Map.Entry<Long, int[]> e : newIds.entrySet()) {
            int t = frameOf(e.getKey());
            for (int id : e.getValue()) {
                long k = key(t, id);
                fIndex.put(k, f.addNode(new TrackNode(t, id, centers.get(k), null, Double.NaN)));
                uuids.add(nextUuid++);
                values.add(relink.nodeValues()[rIndex.get(k)]);
                divs.add(false);
                mergerIds.add(mergerOfPart.get(k));
            }
        }
        Map<Long, Integer> linkValue = new HashMap<>();
        for (int l = 0; l < links.length; l++) {
            Integer u = fIndex.get(key(g.node(links[l][0])));
            Integer v = fIndex.get(key(g.node(links[l][1])));
            if (u != null && v != null) {
                f.addLink(u, v);
                linkValue.put(pair(u, v), s.linkValues()[l]);
            }
        }
        List<long[]> rl = resolved.links();
        for (int l = 0; l < rl.size(); l++) {
            int u = fIndex.get(rl.get(l)[0]);
            int v = fIndex.get(rl.get(l)[1]);
            f.addLink(u, v);
            linkValue.put(pair(u, v), relink.linkValues()[l]);
        }
        int[][] fl = f.links();
        int[] lv = new int[fl.length];
        for (int l = 0; l < fl.length; l++) {
            lv[l] = linkValue.get(pair(fl[l][0], fl[l][1]));
        }
        boolean[] dv = new boolean[divs.size()];
        for (int i = 0; i < dv.length; i++) {
            dv[i] = divs.get(i);
        }
        return new FinalGraph(f, uuids.stream().mapToInt(Integer::intValue).toArray(),
                new Solution(values.stream().mapToInt(Integer::intValue).toArray(), lv, dv),
                mergerIds.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double[] center(long k, Map<Long, double[]> centers, HypothesesGraph g,
            Map<Long, Integer> nodeIndex) {
        double[] c = centers.get(k);
        return c != null ? c : g.node(nodeIndex.get(k)).center();
    }

    private static long pair(int u, int v) {
        return ((long) u << 32) | v;
    }

    static long key(TrackNode n) {
        return key(n.frame(), n.id());
    }

    static long key(int frame, int id) {
        return ((long) frame << 32) | (id & 0xffffffffL);
    }

    static int frameOf(long key) {
        return (int) (key >>> 32);
    }

    /** A directed graph over node keys with insertion-ordered nodes and adjacency (networkx semantics). */
    private static final class SmallGraph {
        private final LinkedHashMap<Long, LinkedHashSet<Long>> out = new LinkedHashMap<>();
        private final LinkedHashMap<Long, LinkedHashSet<Long>> in = new LinkedHashMap<>();

        void addNode(long k) {
            out.computeIfAbsent(k, x -> new LinkedHashSet<>());
            in.computeIfAbsent(k, x -> new LinkedHashSet<>());
        }

        void addLink(long u, long v) {
            addNode(u);
            addNode(v);
            out.get(u).add(v);
            in.get(v).add(u);
        }

        boolean contains(long k) {
            return out.containsKey(k);
        }

        List<Long> successors(long k) {
            return new ArrayList<>(out.get(k));
        }

        List<Long> predecessors(long k) {
            return new ArrayList<>(in.get(k));
        }

        void remove(long k) {
            for (long v : out.remove(k)) {
                in.get(v).remove(k);
            }
            for (long u : in.remove(k)) {
                out.get(u).remove(k);
            }
        }

        List<Long> nodes() {
            return new ArrayList<>(out.keySet());
        }

        List<long[]> links() {
            List<long[]> l = new ArrayList<>();
            out.forEach((u, vs) -> vs.forEach(v -> l.add(new long[] {u, v})));
            return l;
        }

        SmallGraph copy() {
            SmallGraph c = new SmallGraph();
            out.keySet().forEach(c::addNode);
            out.forEach((u, vs) -> vs.forEach(v -> c.addLink(u, v)));
            return c;
        }
    }
}
